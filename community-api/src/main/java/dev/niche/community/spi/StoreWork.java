package dev.niche.community.spi;

/** A piece of work that runs inside one unit of work of a {@link CommunityStore}. */
@FunctionalInterface
public interface StoreWork<T> {
    T run(StoreTransaction tx);
}
