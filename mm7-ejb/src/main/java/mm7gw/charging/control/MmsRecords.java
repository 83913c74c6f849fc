package mm7gw.charging.control;

import java.util.ArrayList;
import java.util.List;
import mm7gw.cdr.AgentAddress;
import mm7gw.cdr.CdrFileFormat;
import mm7gw.cdr.GatewayExtension;
import mm7gw.cdr.MmsRecord;
import mm7gw.cdr.MmsRecordType;
import mm7gw.charging.entity.ChargingEvent;
import mm7gw.charging.entity.RecordDetails;
import mm7gw.kernel.AddressType;
import mm7gw.kernel.RecipientKind;
import mm7gw.status.StatusCode;

/**
 * Writes a charging event as its TS 32.298 MMS record ({@link mm7gw.charging.entity.RecordType#mmsRecord()}) in
 * BER. Every record carries recordTimeStamp (when the event occurred), localSequenceNumber (the event's number
 * of its writer) and the gateway's extensions (node, writer, event id, its own record type, the exact MM7 status,
 * the result, the recipient count and, where the record type has no field for them, the recipient and a third
 * party charged). Where a mandatory field has no value in the gateway, what is written instead is chosen here
 * and listed in the README (section Charging, CDR files).
 */
public final class MmsRecords {
    /** the MMS Relay/Server's address in the records: its MMSRelayServerID as domain name */
    static final String RELAY_SERVER = System.getProperty("mm7.relay.server-id", "mm7-gateway");

    private MmsRecords() {
    }

    /** The record of an event, at most {@link CdrFileFormat#MAX_CDR_LENGTH} octets (fewer listed recipients if need be). */
    public static byte[] encode(ChargingEvent e) {
        List<AgentAddress> recipients = recipients(e.recordDetails());
        byte[] ber = record(e, recipients).encode();
        while (ber.length > CdrFileFormat.MAX_CDR_LENGTH && !recipients.isEmpty()) {
            recipients = recipients.subList(0, recipients.size() / 2);
            ber = record(e, recipients).encode();
        }
        return ber;
    }

    static MmsRecord record(ChargingEvent e, List<AgentAddress> recipients) {
        RecordDetails d = e.recordDetails();
        MmsRecordType type = e.recordType().mmsRecord();
        MmsRecord r = new MmsRecord(type);
        boolean recipientField = true;
        switch (type) {
            case MM7S -> r.rsAddress("originatorMmsRSAddress", RELAY_SERVER).text("linkedID", e.linkedId())
                    .text("vaspID", e.vaspId().value()).text("vasID", orEmpty(e.vasId())).text("messageID", orEmpty(e.messageId()))
                    .agentAddress("originatorAddress", originator(e)).agentAddresses("recipientAddresses", recipients)
                    .text("serviceCode", e.serviceCode()).text("contentType", orEmpty(e.contentType()))
                    .integer("messageSize", size(e)).enumerated("messageClass", messageClass(e.messageClass()))
                    .chargedParty("chargeInformation", chargedParty(e.chargedParty()))
                    .timestamp("submissionTime", d.submissionTime()).waitTime("timeOfExpiry", d.expiryTime())
                    .waitTime("earliestTimeOfDelivery", d.earliestDeliveryTime())
                    .bool("deliveryReportRequested", d.deliveryReportRequested())
                    .bool("readReplyRequested", d.readReplyRequested()).bool("replyCharging", d.replyCharging())
                    .waitTime("replyDeadline", d.replyDeadline()).integer("replyChargingSize", d.replyChargingSize())
                    .enumerated("priority", priority(e.priority()))
                    .bool("messageDistributionIndicator", d.distributionIndicator())
                    .enumerated("requestStatusCode", e.requestStatusCode()).text("statusText", statusText(e));
            case MM7C -> r.rsAddress("originatorMmsRSAddress", RELAY_SERVER).text("vaspID", e.vaspId().value())
                    .text("vasID", orEmpty(e.vasId())).text("messageID", orEmpty(e.messageId()))
                    .agentAddress("originatorAddress", originator(e)).text("serviceCode", e.serviceCode())
                    .enumerated("requestStatusCode", e.requestStatusCode()).text("statusText", statusText(e));
            case MM7R -> r.rsAddress("originatorMmsRSAddress", RELAY_SERVER).text("vaspID", e.vaspId().value())
                    .text("vasID", orEmpty(e.vasId())).text("messageID", orEmpty(e.messageId()))
                    .agentAddress("originatorAddress", originator(e)).text("serviceCode", e.serviceCode())
                    .text("contentType", orEmpty(e.contentType())).timestamp("submissionTime", d.submissionTime())
                    .waitTime("timeOfExpiry", d.expiryTime()).waitTime("earliestTimeOfDelivery", d.earliestDeliveryTime())
                    .enumerated("requestStatusCode", e.requestStatusCode()).text("statusText", statusText(e));
            case MM7DRQ -> r.rsAddress("recipientMmsRSAddress", RELAY_SERVER).text("linkedID", e.linkedId())
                    .text("replyChargingID", d.replyChargingId())
                    .agentAddress("originatorAddress", originator(e)).agentAddress("recipientAddress", recipient(e))
                    .integer("messageSize", size(e)).text("contentType", orEmpty(e.contentType()))
                    .enumerated("priority", priority(e.priority()));
            case MM7DRS -> r.rsAddress("recipientMmsRSAddress", RELAY_SERVER).text("messageID", orEmpty(e.linkedId()))
                    .agentAddress("recipientAddress", recipient(e))
                    .enumerated("requestStatusCode", e.requestStatusCode()).text("statusText", statusText(e));
            case MM7DRRQ, MM7RRQ -> r.rsAddress("recipientMmsRSAddress", RELAY_SERVER).text("messageID", orEmpty(e.messageId()))
                    .agentAddress("originatorAddress", originator(e)).agentAddress("recipientAddress", recipient(e))
                    .timestamp("mmDateAndTime", d.mmStatusTime())
                    .enumerated(type == MmsRecordType.MM7RRQ ? "readStatus" : "mmStatusCode", mmStatus(d.mmStatus()));
            case MM7DRRS, MM7RRS -> r.rsAddress("recipientMmsRSAddress", RELAY_SERVER).text("messageID", orEmpty(e.messageId()))
                    .agentAddress("originatorAddress", originator(e)).agentAddress("recipientAddress", recipient(e))
                    .enumerated("requestStatusCode", e.requestStatusCode()).text("statusText", statusText(e));
            case MMR1NRQ -> r.rsAddress("recipientMmsRSAddress", RELAY_SERVER).text("messageID", orEmpty(e.messageId()))
                    .agentAddress("senderAddress", originator(e)).agentAddress("recipientAddress", recipient(e))
                    .enumerated("messageClass", messageClass(e.messageClass())).integer("messageSize", size(e))
                    .waitTime("timeOfExpiry", d.expiryTime()).text("messageReference", orEmpty(e.messageId()))
                    .bool("deliveryReportRequested", d.deliveryReportRequested()).bool("replyCharging", d.replyCharging())
                    .waitTime("replyDeadline", d.replyDeadline()).integer("replyChargingSize", d.replyChargingSize())
                    .text("vaspID", e.vaspId().value()).text("vasID", e.vasId());
            case MMR1NRS -> r.rsAddress("recipientMmsRSAddress", RELAY_SERVER).text("messageID", orEmpty(e.messageId()))
                    .agentAddress("recipientAddress", recipient(e)).enumerated("mmStatusCode", mmStatus(d.mmStatus()));
            case MMR1RT -> r.rsAddress("recipientMmsRSAddress", RELAY_SERVER).text("messageID", orEmpty(e.messageId()))
                    .agentAddress("senderAddress", originator(e)).agentAddress("recipientAddress", recipient(e))
                    .text("contentType", orEmpty(e.contentType())).enumerated("messageClass", messageClass(e.messageClass()))
                    .timestamp("submissionTime", d.submissionTime() == null ? e.occurredAt() : d.submissionTime())
                    .integer("messageSize", size(e)).bool("deliveryReportRequested", d.deliveryReportRequested())
                    .enumerated("priority", priority(e.priority())).bool("readReplyRequested", d.readReplyRequested())
                    .enumerated("mmStatusCode", mmStatus(d.mmStatus())).waitTime("replyDeadline", d.replyDeadline())
                    .integer("replyChargingSize", d.replyChargingSize()).waitTime("timeOfExpiry", d.expiryTime())
                    .text("messageReference", orEmpty(e.messageId())).text("vaspID", e.vaspId().value()).text("vasID", e.vasId());
            case MMR1RR -> r.rsAddress("recipientMmsRSAddress", RELAY_SERVER).text("messageID", orEmpty(e.messageId()))
                    .agentAddress("recipientAddress", recipient(e)).agentAddress("originatorAddress", originator(e))
                    .enumerated("mmStatusCode", mmStatus(d.mmStatus()));
            case MMRMD -> {
                r.rsAddress("originatorMmsRSAddress", RELAY_SERVER).rsAddress("recipientMmsRSAddress", RELAY_SERVER)
                        .text("messageID", orEmpty(e.messageId())).integer("messageSize", size(e))
                        .enumerated("mmStatusCode", mmStatus(d.mmStatus()));
                recipientField = false;
            }
            default -> throw new IllegalStateException("no mapping for " + type);
        }
        r.timestamp("recordTimeStamp", e.occurredAt()).integer("localSequenceNumber", e.sequenceNumber())
                .extensions("recordExtensions", extensions(e, recipientField));
        return r;
    }

    private static List<MmsRecord.Extension> extensions(ChargingEvent e, boolean recipientField) {
        List<MmsRecord.Extension> x = new ArrayList<>();
        x.add(MmsRecord.Extension.utf8(GatewayExtension.NODE.oid(), nodeOf(e.writer())));
        x.add(MmsRecord.Extension.utf8(GatewayExtension.WRITER.oid(), e.writer()));
        if (e.id() != null) {
            x.add(MmsRecord.Extension.integer(GatewayExtension.EVENT_ID.oid(), e.id()));
        }
        x.add(MmsRecord.Extension.utf8(GatewayExtension.GATEWAY_RECORD_TYPE.oid(), e.recordType().name()));
        x.add(MmsRecord.Extension.integer(GatewayExtension.MM7_STATUS_CODE.oid(), e.statusCode()));
        x.add(MmsRecord.Extension.utf8(GatewayExtension.RESULT.oid(), e.result()));
        if (e.recipientCount() != null) {
            x.add(MmsRecord.Extension.integer(GatewayExtension.RECIPIENT_COUNT.oid(), e.recipientCount()));
        }
        if (!recipientField && e.recipient() != null) {
            x.add(MmsRecord.Extension.utf8(GatewayExtension.RECIPIENT.oid(), e.recipient()));
        }
        if ("THIRD_PARTY".equals(e.chargedParty())) {
            x.add(MmsRecord.Extension.utf8(GatewayExtension.CHARGED_PARTY.oid(), e.chargedParty()));
        }
        if (e.recordDetails().chargedPartyId() != null) {
            x.add(MmsRecord.Extension.utf8(GatewayExtension.CHARGED_PARTY_ID.oid(), e.recordDetails().chargedPartyId()));
        }
        if (e.recordDetails().applicId() != null) {
            x.add(MmsRecord.Extension.utf8(GatewayExtension.APPLIC_ID.oid(), e.recordDetails().applicId()));
        }
        if (e.recordDetails().replyApplicId() != null) {
            x.add(MmsRecord.Extension.utf8(GatewayExtension.REPLY_APPLIC_ID.oid(), e.recordDetails().replyApplicId()));
        }
        if (e.recordDetails().auxApplicInfo() != null) {
            x.add(MmsRecord.Extension.utf8(GatewayExtension.AUX_APPLIC_INFO.oid(), e.recordDetails().auxApplicInfo()));
        }
        return x;
    }

    /**
     * The node of a writer: the writer itself, or before the per-node sequencer (issue 21) the node part of a
     * lane ({@code <node>#2}).
     */
    static String nodeOf(String writer) {
        int lane = writer.indexOf('#');
        return lane < 0 ? writer : writer.substring(0, lane);
    }

    /** "1000 Success", "2002 Address Error: no valid recipient": the MM7 status as the gateway gave or got it. */
    static String statusText(ChargingEvent e) {
        String status = e.statusCode() + StatusCode.of(e.statusCode()).map(s -> " " + s.text()).orElse("");
        if (e.details() == null) {
            return status;
        }
        return e.details().startsWith(status) ? e.details() : status + ": " + e.details();
    }

    /** The sender; without a SenderAddress the VASP ID as a short code (as the reports to the VASP say it). */
    private static AgentAddress originator(ChargingEvent e) {
        AgentAddress a = address(e.recordDetails().senderType(), e.sender(), null);
        return a != null ? a : new AgentAddress(AgentAddress.Kind.SHORT_CODE, e.vaspId().value(), null);
    }

    /** The recipient of a per-recipient record (an empty short code if the event has none). */
    private static AgentAddress recipient(ChargingEvent e) {
        RecordDetails d = e.recordDetails();
        AgentAddress a = address(d.recipientType(), e.recipient(), d.recipientKind() == null ? null
                : recipientType(RecipientKind.valueOf(d.recipientKind())));
        return a != null ? a : new AgentAddress(AgentAddress.Kind.SHORT_CODE, "", null);
    }

    private static List<AgentAddress> recipients(RecordDetails d) {
        List<AgentAddress> list = new ArrayList<>();
        for (RecordDetails.ListedRecipient r : d.listedRecipients()) {
            AgentAddress a = address(r.type().name(), r.address(), recipientType(r.kind()));
            if (a != null) {
                list.add(a);
            }
        }
        return list;
    }

    /** An address of a stored type; null if there is none or it cannot be written as that type. */
    private static AgentAddress address(String type, String value, AgentAddress.RecipientType recipientType) {
        if (value == null) {
            return null;
        }
        AddressType t = type == null ? guess(value) : AddressType.valueOf(type);
        return switch (t) {
            case NUMBER -> AgentAddress.isMsisdn(value) ? new AgentAddress(AgentAddress.Kind.MSISDN, value, recipientType) : null;
            case SHORT_CODE -> new AgentAddress(AgentAddress.Kind.SHORT_CODE, value, recipientType);
            case EMAIL -> new AgentAddress(AgentAddress.Kind.EMAIL, value, recipientType);
        };
    }

    /** For events written before the address types were stored. */
    private static AddressType guess(String value) {
        return value.contains("@") ? AddressType.EMAIL : value.length() >= 5 && value.chars().allMatch(Character::isDigit)
                ? AddressType.NUMBER : AddressType.SHORT_CODE;
    }

    private static AgentAddress.RecipientType recipientType(RecipientKind kind) {
        return kind == null ? null : AgentAddress.RecipientType.valueOf(kind.name());
    }

    private static Long size(ChargingEvent e) {
        return e.messageSize() == null ? 0L : e.messageSize();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    static Integer messageClass(String messageClass) {
        if (messageClass == null) {
            return null;
        }
        return switch (messageClass) {
            case "PERSONAL" -> 0;
            case "ADVERTISEMENT" -> 1;
            case "INFORMATIONAL" -> 2;
            case "AUTO" -> 3;
            default -> null;
        };
    }

    static Integer priority(String priority) {
        if (priority == null) {
            return null;
        }
        return switch (priority) {
            case "LOW" -> 0;
            case "NORMAL" -> 1;
            case "HIGH" -> 2;
            default -> null;
        };
    }

    /** ChargedParty: sender (0), recipient (1), both (2), neither (3), notspecifiedbyVASP (99); a third party has no value. */
    static Integer chargedParty(String chargedParty) {
        if (chargedParty == null) {
            return 99;
        }
        return switch (chargedParty) {
            case "SENDER" -> 0;
            case "RECIPIENT" -> 1;
            case "BOTH" -> 2;
            case "NEITHER" -> 3;
            default -> null;
        };
    }

    /** MMStatusCodeType of an MM status as MM7 names it. */
    static Integer mmStatus(String mmStatus) {
        if (mmStatus == null) {
            return null;
        }
        return switch (mmStatus) {
            case "Retrieved" -> 0;
            case "Forwarded" -> 1;
            case "Expired" -> 2;
            case "Rejected", "DeliveryConditionNotMet" -> 3; // TS 32.298 has no value for an unmet condition
            case "Deferred" -> 4;
            case "Unrecognised" -> 5;
            case "Read" -> 6;
            case "DeletedWithoutBeingRead" -> 7;
            default -> 5;
        };
    }
}
