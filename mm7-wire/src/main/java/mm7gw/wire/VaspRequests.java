package mm7gw.wire;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;
import mm7gw.ws.gen.AddressValueType;
import mm7gw.ws.gen.ContentReferenceType;
import mm7gw.ws.gen.DeliverReq;
import mm7gw.ws.gen.DeliveryReportMMStatusType;
import mm7gw.ws.gen.DeliveryReportReq;
import mm7gw.ws.gen.MultiAddressType;
import mm7gw.ws.gen.ObjectFactory;
import mm7gw.ws.gen.ReadReplyMMStatusType;
import mm7gw.ws.gen.ReadReplyReq;
import mm7gw.ws.gen.RecipientsType;
import mm7gw.ws.gen.RsRequestType;
import mm7gw.ws.gen.SingleAddressType;

/**
 * Writes the SOAP 1.1 envelope of an RS -> VASP request from the generated types: the request element in the
 * VASP's release (its namespace as the default namespace of the request element, its MM7Version), the
 * TransactionID header with mustUnderstand="1". What the release's schema does not have is left out: application
 * addressing and MMStatus DeliveryConditionNotMet are Release 6 (a Release 5 VASP is told Rejected, the reason in
 * StatusText).
 */
public final class VaspRequests {
    public static final String SOAP_ENV = SoapWriter.SOAP_ENV;
    private static final ObjectFactory TYPES = new ObjectFactory();
    private static final DatatypeFactory DATES = dates();

    private VaspRequests() {
    }

    /** The envelope as UTF-8 bytes. */
    public static byte[] envelope(VaspRequest request, Mm7Release release, String relayServerId,
            String transactionId) {
        RsRequestType body;
        if (request instanceof VaspRequest.DeliveryReport r) {
            body = deliveryReport(r, release);
        } else if (request instanceof VaspRequest.ReadReply r) {
            body = readReply(r, release);
        } else {
            body = deliver((VaspRequest.Deliver) request);
        }
        body.setMM7Version(release.usualVersion());
        body.setMMSRelayServerID(relayServerId);
        return new SoapWriter(release).transactionId(transactionId).body(body).bytes();
    }

    private static DeliveryReportReq deliveryReport(VaspRequest.DeliveryReport r, Mm7Release release) {
        DeliveryReportReq req = TYPES.createDeliveryReportReq();
        req.setMessageID(r.messageId());
        req.setRecipient(single(r.recipient()));
        req.setSender(single(r.sender()));
        req.setDate(date(r.date()));
        DeliveryReportMMStatusType status = DeliveryReportMMStatusType.fromValue(r.mmStatus());
        if (status == DeliveryReportMMStatusType.DELIVERY_CONDITION_NOT_MET && !release.isRelease6()) {
            status = DeliveryReportMMStatusType.REJECTED;
        }
        req.setMMStatus(status);
        req.setStatusText(r.statusText());
        if (release.isRelease6() && r.application() != null) {
            req.setApplicID(r.application().applicId());
            req.setReplyApplicID(r.application().replyApplicId());
            req.setAuxApplicInfo(r.application().auxApplicInfo());
        }
        return req;
    }

    private static ReadReplyReq readReply(VaspRequest.ReadReply r, Mm7Release release) {
        ReadReplyReq req = TYPES.createReadReplyReq();
        req.setMessageID(r.messageId());
        req.setRecipient(single(r.recipient()));
        req.setSender(single(r.sender()));
        req.setTimeStamp(date(r.timeStamp()));
        req.setMMStatus(ReadReplyMMStatusType.fromValue(r.mmStatus()));
        req.setStatusText(r.statusText());
        if (release.isRelease6() && r.application() != null) {
            req.setApplicID(r.application().applicId());
            req.setReplyApplicID(r.application().replyApplicId());
            req.setAuxApplicInfo(r.application().auxApplicInfo());
        }
        return req;
    }

    private static DeliverReq deliver(VaspRequest.Deliver r) {
        DeliverReq req = TYPES.createDeliverReq();
        req.setLinkedID(r.linkedId());
        req.setSender(single(r.sender()));
        RecipientsType recipients = TYPES.createRecipientsType();
        MultiAddressType to = TYPES.createMultiAddressType();
        to.getNumberOrShortCodeOrRFC2822Address().add(switch (r.recipient().kind()) {
            case NUMBER -> TYPES.createMultiAddressTypeNumber(value(r.recipient()));
            case EMAIL -> TYPES.createMultiAddressTypeRFC2822Address(value(r.recipient()));
            case SHORT_CODE -> TYPES.createMultiAddressTypeShortCode(value(r.recipient()));
        });
        recipients.setTo(to);
        req.setRecipients(recipients);
        req.setTimeStamp(date(r.timeStamp()));
        req.setReplyChargingID(r.replyChargingId());
        req.setSubject(r.subject());
        if (r.contentHref() != null) {
            ContentReferenceType content = TYPES.createContentReferenceType();
            content.setHref(r.contentHref());
            req.setContent(content);
        }
        return req;
    }

    private static SingleAddressType single(VaspRequest.Address a) {
        SingleAddressType s = TYPES.createSingleAddressType();
        switch (a.kind()) {
            case NUMBER -> s.setNumber(value(a));
            case EMAIL -> s.setRFC2822Address(value(a));
            case SHORT_CODE -> s.setShortCode(value(a));
        }
        return s;
    }

    private static AddressValueType value(VaspRequest.Address a) {
        AddressValueType v = TYPES.createAddressValueType();
        v.setValue(a.value());
        return v;
    }

    /** whole seconds in UTC, e.g. 2026-12-04T18:13:21Z */
    private static XMLGregorianCalendar date(Instant at) {
        return DATES.newXMLGregorianCalendar(at.truncatedTo(ChronoUnit.SECONDS).toString());
    }

    private static DatatypeFactory dates() {
        try {
            return DatatypeFactory.newInstance();
        } catch (DatatypeConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
