package dev.niche.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.niche.community.CommunityEngine;
import dev.niche.community.Viewer;
import dev.niche.community.community.DiscoveryQuery;
import dev.niche.community.PageRequest;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The web example over plain HTTP")
class WebAppHttpTest {
    private static RunningApp app;

    @BeforeAll
    static void start() {
        app = RunningApp.start();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    }

    private static HttpResponse<String> get(HttpClient client, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(app.url(path))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(HttpClient client, String path, String form) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(app.url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String csrf(String page) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).as("a CSRF token in the page").isTrue();
        return m.group(1);
    }

    @Test
    @DisplayName("seeds three communities on first start")
    void seeded() {
        CommunityEngine engine = app.bean(CommunityEngine.class);
        assertThat(engine.communities().discover(Viewer.anonymous(), DiscoveryQuery.everything(), PageRequest.first(10))
                .items()).extracting(c -> c.slug()).containsExactly("fearful-flyers", "noir-club", "vegan-bakers");
    }

    @Nested
    @DisplayName("security")
    class Security {

        @Test
        @DisplayName("sends a visitor who is not logged in to the login stub, which says what it is")
        void loginFirst() throws Exception {
            HttpClient client = client();
            HttpResponse<String> response = get(client, "/communities");
            assertThat(response.statusCode()).isEqualTo(302);
            assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
            assertThat(get(client, "/login").body()).contains("This login is a development stub");
        }

        @Test
        @DisplayName("refuses a form sent without its CSRF token, and takes it with the token")
        void csrfOn() throws Exception {
            HttpClient client = client();
            String token = csrf(get(client, "/login").body());
            assertThat(post(client, "/login", "username=bob&password=demo").statusCode()).isEqualTo(403);
            assertThat(post(client, "/login", "username=bob&password=demo&_csrf=" + token).statusCode()).isEqualTo(302);
            assertThat(post(client, "/c/fearful-flyers/join", "").statusCode()).isEqualTo(403);
            String community = get(client, "/c/fearful-flyers").body();
            assertThat(community).contains("Join as @white-knuckles");
            assertThat(post(client, "/c/fearful-flyers/join", "_csrf=" + csrf(community)).statusCode()).isEqualTo(302);
            assertThat(get(client, "/c/fearful-flyers").body()).contains("Welcome to Fearful flyers, @white-knuckles!");
        }

        @Test
        @DisplayName("answers a missing community with 404 and the engine's message")
        void notFound() throws Exception {
            HttpClient client = client();
            String token = csrf(get(client, "/login").body());
            post(client, "/login", "username=carol&password=demo&_csrf=" + token);
            HttpResponse<String> response = get(client, "/c/no-such-place");
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.body()).contains("NOT_FOUND");
        }
    }
}
