package mm7gw.charging.entity;

import mm7gw.kernel.VaspId;
import mm7gw.submission.entity.MultimediaMessage;

/**
 * What a charging event says about the operation it records, for operations that have no stored message to
 * read it from (a refused request, an MO message handed to a VASP). Values are taken as the VASP sent them;
 * {@code serviceCode} in particular is never trimmed or re-encoded.
 *
 * @param recipientCount the number of recipients the request named, or null where that means nothing
 * @param messageSize    the size in bytes of the message content, or null without content
 * @param contentType    the Content-Type of the message content, or null without content
 */
public record ChargedOperation(VaspId vaspId, String vasId, String messageId, String linkedId, String sender,
        String recipient, Integer recipientCount, Long messageSize, String contentType, String chargedParty,
        String priority, String messageClass, String serviceCode) {

    /** The charged facts of a stored message. */
    public static ChargedOperation of(MultimediaMessage m) {
        return new ChargedOperation(m.vaspId(), m.vasId(), m.messageId(), m.linkedId(),
                m.sender() == null ? null : m.sender().value(), null, null,
                m.content() == null ? null : m.content().size(),
                m.content() == null ? null : m.content().contentType(),
                m.chargedParty() == null ? null : m.chargedParty().name(),
                m.priority() == null ? null : m.priority().name(),
                m.messageClass() == null ? null : m.messageClass().name(),
                m.serviceCode());
    }

    public ChargedOperation withRecipient(String recipient) {
        return new ChargedOperation(vaspId, vasId, messageId, linkedId, sender, recipient, recipientCount,
                messageSize, contentType, chargedParty, priority, messageClass, serviceCode);
    }

    public ChargedOperation withRecipientCount(Integer count) {
        return new ChargedOperation(vaspId, vasId, messageId, linkedId, sender, recipient, count, messageSize,
                contentType, chargedParty, priority, messageClass, serviceCode);
    }
}
