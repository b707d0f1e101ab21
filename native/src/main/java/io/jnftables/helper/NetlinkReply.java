package io.jnftables.helper;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What the helper answered to a {@linkplain NftHelper#netlink netlink relay} request.
 *
 * <ul>
 *   <li>{@code rc} 0: {@link #answers()} holds the kernel's answers back to back, exact bytes
 *       (errors the kernel reported are {@code NLMSG_ERROR} messages in them);
 *   <li>{@link NftHelper#RC_REFUSED}: the helper refused the messages and sent nothing
 *       ({@link #error()} says why: not one batch of element updates or lookups, malformed, or a
 *       helper that does not know the operation);
 *   <li>{@link NftHelper#RC_ERRNO}: a system call failed; {@link #failedCall()} names it and
 *       {@link #errno()} gives its errno. Only {@code poll} and {@code recv} fail after the
 *       messages were sent ({@link #mayHaveReachedKernel()}).
 * </ul>
 */
public final class NetlinkReply {
  private static final byte[] NONE = new byte[0];

  private final int rc;
  private final byte[] answers;
  private final String error;
  private final int errno;
  private final String failedCall;

  NetlinkReply(int rc, byte[] output, String error) {
    this.rc = rc;
    this.error = error;
    this.answers = rc == 0 ? output : NONE;
    int e = 0;
    String call = "";
    if (rc == NftHelper.RC_ERRNO) { // "ERRNO CALL", e.g. "105 recv"
      String text = new String(output, StandardCharsets.US_ASCII).strip();
      int space = text.indexOf(' ');
      try {
        e = Integer.parseInt(space < 0 ? text : text.substring(0, space));
      } catch (NumberFormatException ex) {
        e = 0;
      }
      call = space < 0 ? "" : text.substring(space + 1);
    }
    this.errno = e;
    this.failedCall = call;
  }

  /** 0 answered; {@link NftHelper#RC_REFUSED}; {@link NftHelper#RC_ERRNO}. */
  public int rc() {
    return rc;
  }

  /** Whether the exchange was made ({@code rc == 0}); the kernel may still have refused messages. */
  public boolean ok() {
    return rc == 0;
  }

  /** The kernel's answers back to back (a copy); empty unless {@link #ok()}. */
  public byte[] answers() {
    return answers.clone();
  }

  /** How many bytes of answers there are. */
  public int answersLength() {
    return answers.length;
  }

  /** The helper's message when it refused or a call failed; empty otherwise. */
  public String error() {
    return error;
  }

  /** The errno of the failed call for {@link NftHelper#RC_ERRNO}, else 0. */
  public int errno() {
    return errno;
  }

  /**
   * The call that failed for {@link NftHelper#RC_ERRNO}: {@code socket}, {@code setsockopt},
   * {@code sendmsg} (the kernel got nothing), {@code poll} or {@code recv} (it got the messages);
   * empty otherwise.
   */
  public String failedCall() {
    return failedCall;
  }

  /**
   * Whether the kernel may have received the messages: true when answered and when waiting for
   * the answers failed; false when refused and when the socket or the send failed (a netlink
   * {@code sendmsg} fails only before the kernel sees the message).
   */
  public boolean mayHaveReachedKernel() {
    if (rc == 0) {
      return true;
    }
    if (rc == NftHelper.RC_ERRNO) {
      return !(failedCall.equals("socket") || failedCall.equals("setsockopt")
          || failedCall.equals("sendmsg"));
    }
    return rc != NftHelper.RC_REFUSED;
  }

  @Override
  public String toString() {
    return rc == 0 ? "NetlinkReply[ok, " + answers.length + " bytes]"
        : "NetlinkReply[rc " + rc + (failedCall.isEmpty() ? "" : ", " + failedCall + " errno " + errno)
            + ": " + error + "]";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NetlinkReply r && r.rc == rc && Arrays.equals(r.answers, answers)
        && r.error.equals(error) && r.errno == errno && r.failedCall.equals(failedCall);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * rc + Arrays.hashCode(answers)) + error.hashCode();
  }
}
