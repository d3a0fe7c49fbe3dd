package dev.niche.examples.simulation;

import dev.niche.community.community.CreateCommunity;
import dev.niche.community.community.JoinPolicy;
import dev.niche.community.community.Visibility;
import java.util.List;

/**
 * What one community of the story is about, and the lines its members write.
 *
 * @param slug        the community's slug
 * @param title       its title
 * @param description its description
 * @param tags        its tags, for discovery
 * @param rules       its rules
 * @param visibility  who may read it
 * @param joinPolicy  how one joins it
 * @param titles      thread titles its members use
 * @param openers     thread bodies its members use
 * @param answers     replies its members write to a thread
 * @param introductions how members introduce themselves in the welcome thread
 */
record Theme(
        String slug,
        String title,
        String description,
        List<String> tags,
        List<String> rules,
        Visibility visibility,
        JoinPolicy joinPolicy,
        List<String> titles,
        List<String> openers,
        List<String> answers,
        List<String> introductions) {

    Theme {
        tags = List.copyOf(tags);
        rules = List.copyOf(rules);
        titles = List.copyOf(titles);
        openers = List.copyOf(openers);
        answers = List.copyOf(answers);
        introductions = List.copyOf(introductions);
    }

    /** The command that creates this community. */
    CreateCommunity toCommand() {
        return new CreateCommunity(slug, title, description, tags, rules, visibility, joinPolicy);
    }
}
