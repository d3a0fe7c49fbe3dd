package dev.niche.community.vote;

/** Which way a vote goes. */
public enum Direction {
    UP,
    DOWN
}
