package mm7gw.payara;

import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.portunif.PUContext;
import org.glassfish.grizzly.portunif.ProtocolFinder;

/**
 * The protocol finder of {@link ListenerGuard}: a connection's bytes go on to the listener's HTTP protocol once its
 * first request head is complete (the empty line after the header fields), and {@link ListenerGuard.Head} is marked
 * so the deadline leaves the connection open. A head longer than 64 KB goes on as it is: Grizzly's HTTP parser
 * refuses it against its own header buffer (header-buffer-length-bytes).
 */
public class RequestHeadFinder implements ProtocolFinder {
    private static final int MAX_HEAD = 64 * 1024;

    @Override
    public Result find(PUContext puContext, FilterChainContext ctx) {
        Buffer input = ctx.getMessage();
        if (!endOfHead(input) && input.remaining() < MAX_HEAD) {
            return Result.NEED_MORE_DATA;
        }
        ListenerGuard.Head head = ListenerGuard.HEAD.get(ctx.getConnection());
        if (head != null) {
            head.complete();
        }
        return Result.FOUND;
    }

    /** Whether CR LF CR LF is among the bytes received so far (the buffer is not consumed). */
    private static boolean endOfHead(Buffer input) {
        for (int i = input.position(); i + 3 < input.limit(); i++) {
            if (input.get(i) == '\r' && input.get(i + 1) == '\n' && input.get(i + 2) == '\r' && input.get(i + 3) == '\n') {
                return true;
            }
        }
        return false;
    }
}
