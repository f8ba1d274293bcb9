package dev.atelier.spi.botprotection;

/** Why a challenge's token was refused. The host shows every reason as "please complete the check again". */
public enum RefusalReason {

    /** The form carried no token: the widget did not run (scripts blocked) or the visitor did not wait for it. */
    MISSING,
    /** The vendor does not know the token: forged, malformed, or issued for another site key. */
    INVALID,
    /** The token was genuine but is spent: used once already, or older than the vendor allows. */
    EXPIRED_OR_REUSED,
    /** The token was issued on another host name than the tenant's page. */
    HOSTNAME_MISMATCH,
    /** The token was issued for another action (a sign-in token submitted to sign-up). */
    ACTION_MISMATCH
}
