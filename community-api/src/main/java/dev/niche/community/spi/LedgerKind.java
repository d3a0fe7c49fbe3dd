package dev.niche.community.spi;

/** What a reputation ledger entry records. */
public enum LedgerKind {
    /** A received up vote that counted; its points may be cut by the daily cap. */
    UPVOTE,
    /** A received down vote that counted. */
    DOWNVOTE,
    /** A received vote held by the serial-voting guard; no points. */
    SERIAL_VOTE,
    /** A received vote from an account below the trust floor, where votes are weighed; no points. */
    UNTRUSTED_VOTE,
    /** Undoes what the entries of one vote still held, when the vote changed or was retracted. */
    REVERSAL;

    /** Whether this entry records a vote being cast, rather than a reversal. */
    public boolean isVote() {
        return this != REVERSAL;
    }
}
