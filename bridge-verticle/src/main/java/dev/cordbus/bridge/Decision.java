package dev.cordbus.bridge;

/**
 * The outcome of checking one bridge frame: a verdict and, for a denial, the reason logged and (as a short code)
 * reported to the client.
 */
public record Decision(Verdict verdict, Reason reason) {

  /** Whether the frame goes through. */
  public enum Verdict {
    ALLOW,
    DENY
  }

  /** Why a frame was denied. */
  public enum Reason {
    /** Nothing wrong. */
    NONE,
    /** The frame has no address. */
    NO_ADDRESS,
    /** REGISTER on an address outside the outbound rules. */
    NOT_OUTBOUND,
    /** REGISTER on a request-reply service address (REST, gateway commands, state queries): never allowed. */
    SERVICE_ADDRESS,
    /** SEND or PUBLISH on an address outside the inbound rules. */
    NOT_INBOUND,
    /** REGISTER, SEND or PUBLISH without the secret header (or no secret configured to check it against). */
    SECRET_MISSING,
    /** REGISTER, SEND or PUBLISH whose secret header matches neither the secret nor a client token. */
    SECRET_MISMATCH
  }

  static final Decision ALLOWED = new Decision(Verdict.ALLOW, Reason.NONE);

  static Decision deny(Reason reason) {
    return new Decision(Verdict.DENY, reason);
  }

  /** Whether the frame goes through. */
  public boolean allowed() {
    return verdict == Verdict.ALLOW;
  }
}
