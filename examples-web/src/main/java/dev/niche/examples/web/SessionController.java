package dev.niche.examples.web;

import dev.niche.community.identity.PseudonymId;
import jakarta.servlet.http.HttpSession;
import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** The development login stub and the pseudonym switcher. */
@Controller
public class SessionController {
    private final DemoAccounts accounts;
    private final CurrentUser currentUser;

    public SessionController(DemoAccounts accounts, CurrentUser currentUser) {
        this.accounts = accounts;
        this.currentUser = currentUser;
    }

    /** Pick a demo account; Spring Security's form login takes the POST. */
    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("accounts", accounts.all());
        model.addAttribute("password", SecurityConfiguration.DEMO_PASSWORD);
        return "login";
    }

    /** Acts as another of the account's pseudonyms from now on. */
    @PostMapping("/pseudonym")
    String switchPseudonym(@RequestParam("pseudonym") String pseudonym,
            @RequestHeader(name = "Referer", defaultValue = "/communities") String referer,
            Principal principal, HttpSession session) {
        currentUser.switchTo(principal, session, PseudonymId.of(pseudonym));
        return "redirect:" + localPath(referer);
    }

    /** The path of a same-site referer, so that the redirect never leaves the app. */
    static String localPath(String referer) {
        String path = referer.replaceFirst("^https?://[^/]+", "");
        return path.startsWith("/") && !path.startsWith("//") ? path : "/communities";
    }
}
