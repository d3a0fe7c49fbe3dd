package dev.niche.examples.web;

import dev.niche.community.NicheException;
import dev.niche.community.spring.web.NicheHttpStatus;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.security.Principal;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page shows: the demo account, the pseudonym it acts as and the others it may switch
 * to. A {@link NicheException} renders the error page with the status the starter's
 * {@link NicheHttpStatus} gives its code; this advice comes first, so it replaces the starter's
 * JSON answer for this HTML app.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class PageChrome {
    private final CurrentUser currentUser;

    public PageChrome(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @ModelAttribute
    void chrome(@Nullable Principal principal, HttpSession session, Model model) {
        if (principal != null) {
            model.addAttribute("username", principal.getName());
            model.addAttribute("me", currentUser.pseudonym(principal, session));
            model.addAttribute("myPseudonyms", currentUser.pseudonyms(principal));
        }
    }

    @ExceptionHandler(NicheException.class)
    String refused(NicheException e, @Nullable Principal principal, HttpSession session,
            HttpServletResponse response, Model model) {
        chrome(principal, session, model);
        response.setStatus(NicheHttpStatus.of(e.code()).value());
        model.addAttribute("code", e.code().name());
        model.addAttribute("message", e.getMessage());
        return "refused";
    }
}
