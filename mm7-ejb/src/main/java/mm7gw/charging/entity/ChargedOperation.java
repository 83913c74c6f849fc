package mm7gw.charging.entity;

import mm7gw.kernel.VaspId;

/**
 * What a charging event says about the operation it records: the facts of a stored message (which the message
 * gives), or of an operation that has none (a refused request, an MO message handed to a VASP). Values are taken
 * as the VASP sent them; {@code serviceCode} in particular is never trimmed or re-encoded.
 *
 * @param recipientCount the number of recipients the request named, or null where that means nothing
 * @param messageSize    the size in bytes of the message content, or null without content
 * @param contentType    the Content-Type of the message content, or null without content
 */
public record ChargedOperation(VaspId vaspId, String vasId, String messageId, String linkedId, String sender,
        String recipient, Integer recipientCount, Long messageSize, String contentType, String chargedParty,
        String priority, String messageClass, String serviceCode) {

    public ChargedOperation withRecipient(String recipient) {
        return new ChargedOperation(vaspId, vasId, messageId, linkedId, sender, recipient, recipientCount,
                messageSize, contentType, chargedParty, priority, messageClass, serviceCode);
    }

    public ChargedOperation withRecipientCount(Integer count) {
        return new ChargedOperation(vaspId, vasId, messageId, linkedId, sender, recipient, count, messageSize,
                contentType, chargedParty, priority, messageClass, serviceCode);
    }
}
