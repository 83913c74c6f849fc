package mm7gw.submission.entity;

import java.time.Instant;

/**
 * What a VASP said about its message beyond addressing and scheduling (TS 23.140 §8.7.1): the TimeStamp it wrote,
 * whether the Relay/Server may adapt the content (Content@allowAdaptations), whether recipients may redistribute
 * it (DistributionIndicator), its ContentClass and whether it is DRM content. Each is null when the request left
 * it out, so that a view shows exactly what the VASP sent.
 *
 * @param contentClass the ContentClass as written on the wire (text, image-basic, ... content-rich)
 */
public record ContentAttributes(Instant timeStamp, Boolean allowAdaptations, Boolean distributionIndicator,
        String contentClass, Boolean drmContent) {

    public static final ContentAttributes NONE = new ContentAttributes(null, null, null, null, null);
}
