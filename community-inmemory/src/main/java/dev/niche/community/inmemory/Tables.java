package dev.niche.community.inmemory;

/** The tables of one store, with their indexes. Guarded by the store's lock. */
record Tables(
        PseudonymRows pseudonyms,
        CommunityRows communities,
        MembershipRows memberships,
        InviteRows invites,
        PostRows posts,
        VoteRows votes) {

    static Tables empty() {
        return new Tables(new PseudonymRows(), new CommunityRows(), new MembershipRows(),
                new InviteRows(), new PostRows(), new VoteRows());
    }
}
