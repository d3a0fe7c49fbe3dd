package dev.niche.community.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.niche.community.FieldViolation;
import dev.niche.community.InvalidInputException;
import dev.niche.community.community.CommunityId;
import dev.niche.community.community.CreateCommunity;
import dev.niche.community.community.DiscoveryQuery;
import dev.niche.community.community.JoinPolicy;
import dev.niche.community.community.UpdateCommunity;
import dev.niche.community.community.Visibility;
import dev.niche.community.identity.RegisterPseudonym;
import dev.niche.community.membership.CreateInvite;
import dev.niche.community.membership.JoinCommunity;
import dev.niche.community.post.EditPost;
import dev.niche.community.post.PostId;
import dev.niche.community.post.Reply;
import dev.niche.community.post.StartThread;
import dev.niche.community.vote.CastVote;
import dev.niche.community.vote.Direction;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The null rule, for every command: a null command is a {@link NullPointerException} naming the
 * parameter; a null field, or a null element of a list field, is INVALID_INPUT naming the field.
 * The engine runs every command through {@link InputValidator#check} before it touches a store, so
 * this holds on every store (the TCK checks it through the engine too).
 */
@DisplayName("Nulls in commands")
class NullInputTest {
    private static final CommunityId COMMUNITY = CommunityId.of("0190f5a2-3b4c-7d8e-9f01-23456789abcd");
    private static final PostId POST = PostId.of("0190f5a2-3b4c-7d8e-9f01-23456789abce");

    /** One valid instance of every command; each test nulls one part of it. */
    private static final Map<Class<? extends Record>, Record> VALID = Map.of(
            CreateCommunity.class, new CreateCommunity("bakers", "Bakers", "Bread", List.of("bread", "rye"),
                    List.of("Be kind", "No spam"), Visibility.PUBLIC, JoinPolicy.OPEN),
            UpdateCommunity.class, new UpdateCommunity(COMMUNITY, "Bakers", "Bread", List.of("bread", "rye"),
                    List.of("Be kind", "No spam"), Visibility.PUBLIC, JoinPolicy.OPEN),
            DiscoveryQuery.class, new DiscoveryQuery("bread", "sourdough"),
            RegisterPseudonym.class, new RegisterPseudonym("baker"),
            CreateInvite.class, new CreateInvite(COMMUNITY, Duration.ofDays(1), 5),
            JoinCommunity.class, new JoinCommunity(COMMUNITY, "code"),
            StartThread.class, new StartThread(COMMUNITY, "Hello", "First post", "https://example.com"),
            Reply.class, new Reply(POST, "Welcome"),
            EditPost.class, new EditPost(POST, "Hello again", "Edited", "https://example.com"),
            CastVote.class, new CastVote(POST, Direction.UP));

    private final InputValidator validator = new InputValidator();

    @Nested
    @DisplayName("the table")
    class Table {
        @Test
        @DisplayName("holds every public record in the api whose components carry constraints")
        void coversEveryCommand() {
            Set<String> constrained = new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages("dev.niche.community").stream()
                    .filter(JavaClass::isRecord)
                    .filter(c -> c.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.PUBLIC))
                    .map(JavaClass::reflect)
                    .filter(NullInputTest::constrained)
                    .map(Class::getName)
                    .collect(Collectors.toSet());

            assertThat(constrained).isNotEmpty();
            assertThat(VALID.keySet().stream().map(Class::getName).collect(Collectors.toSet()))
                    .isEqualTo(constrained);
        }

        @TestFactory
        @DisplayName("holds only valid commands")
        Stream<DynamicTest> valid() {
            return VALID.values().stream().map(command -> DynamicTest.dynamicTest(command.getClass().getSimpleName(),
                    () -> assertThatCode(() -> validator.check(command, "command")).doesNotThrowAnyException()));
        }
    }

    @Nested
    @DisplayName("a null command")
    class NullCommand {
        @Test
        @DisplayName("is a NullPointerException naming the parameter, not Hibernate's IllegalArgumentException")
        void namesTheParameter() {
            assertThatThrownBy(() -> validator.check(null, "command"))
                    .isExactlyInstanceOf(NullPointerException.class).hasMessage("command");
        }
    }

    @Nested
    @DisplayName("a null field")
    class NullField {
        @TestFactory
        @DisplayName("is INVALID_INPUT naming the field, unless the field is @Nullable")
        Stream<DynamicTest> namesTheField() {
            return VALID.values().stream().flatMap(command -> objectComponents(command).stream()
                    .map(component -> DynamicTest.dynamicTest(
                            command.getClass().getSimpleName() + "." + component.getName() + " = null", () -> {
                                Record withNull = with(command, component, null);
                                if (nullable(component)) {
                                    assertThatCode(() -> validator.check(withNull, "command"))
                                            .doesNotThrowAnyException();
                                } else {
                                    assertInvalid(withNull, component.getName());
                                }
                            })));
        }
    }

    @Nested
    @DisplayName("a null element of a list")
    class NullElement {
        @TestFactory
        @DisplayName("is INVALID_INPUT naming the element by its index, not a NullPointerException from the constructor")
        Stream<DynamicTest> namesTheElement() {
            return VALID.values().stream().flatMap(command -> objectComponents(command).stream()
                    .filter(component -> List.class.isAssignableFrom(component.getType()))
                    .map(component -> DynamicTest.dynamicTest(
                            command.getClass().getSimpleName() + "." + component.getName() + "[1] = null", () -> {
                                List<@Nullable Object> list = new ArrayList<>((List<?>) value(command, component));
                                list.add(1, null);
                                assertInvalid(with(command, component, list), component.getName() + "[1]");
                            })));
        }

        @Test
        @DisplayName("is kept by the command, so that validation can see it")
        void kept() {
            List<@Nullable String> tags = Arrays.asList("bread", null);
            CreateCommunity command = new CreateCommunity("bakers", "Bakers", "", tags, List.of(),
                    Visibility.PUBLIC, JoinPolicy.OPEN);
            assertThat(command.tags()).containsExactly("bread", null);
        }
    }

    private void assertInvalid(Record command, String field) {
        assertThatThrownBy(() -> validator.check(command, "command"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).containsExactly(field))
                .hasMessageContaining(field + " must not be null");
    }

    private static boolean constrained(Class<?> type) {
        return Arrays.stream(type.getRecordComponents()).anyMatch(component ->
                Arrays.stream(component.getAnnotations()).anyMatch(NullInputTest::constraint)
                        || Arrays.stream(component.getAnnotatedType().getAnnotations()).anyMatch(NullInputTest::constraint));
    }

    private static boolean constraint(java.lang.annotation.Annotation annotation) {
        return annotation.annotationType().isAnnotationPresent(jakarta.validation.Constraint.class);
    }

    private static boolean nullable(RecordComponent component) {
        return component.getAnnotatedType().isAnnotationPresent(Nullable.class)
                || component.isAnnotationPresent(Nullable.class);
    }

    private static List<RecordComponent> objectComponents(Record command) {
        return Arrays.stream(command.getClass().getRecordComponents())
                .filter(component -> !component.getType().isPrimitive())
                .toList();
    }

    private static Object value(Record command, RecordComponent component) {
        try {
            return component.getAccessor().invoke(command);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** The command with one component replaced, built through its canonical constructor. */
    private static Record with(Record command, RecordComponent replaced, @Nullable Object replacement) {
        RecordComponent[] components = command.getClass().getRecordComponents();
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        @Nullable Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            args[i] = components[i].getName().equals(replaced.getName()) ? replacement : value(command, components[i]);
        }
        try {
            Constructor<?> canonical = command.getClass().getDeclaredConstructor(types);
            return (Record) canonical.newInstance(args);
        } catch (InvocationTargetException e) {
            throw new AssertionError("the constructor of " + command.getClass().getSimpleName()
                    + " threw before validation could run", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
