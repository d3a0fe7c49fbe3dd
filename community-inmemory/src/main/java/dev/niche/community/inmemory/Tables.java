package dev.niche.community.inmemory;

/** The tables of one store, with their indexes. Guarded by the store's lock. */
record Tables(
        PseudonymRows pseudonyms,
        CommunityRows communities,
        MembershipRows memberships,
        InviteRows invites,
        PostRows posts,
        VoteRows votes,
        ReputationRows reputation,
        TrustRows trust,
        EventRows events) {

    static Tables empty() {
        PostRows posts = new PostRows();
        VoteRows votes = new VoteRows();
        return new Tables(new PseudonymRows(), new CommunityRows(), new MembershipRows(),
                new InviteRows(), posts, votes, new ReputationRows(), new TrustRows(posts, votes), new EventRows());
    }
}
