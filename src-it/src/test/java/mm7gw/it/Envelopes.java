package mm7gw.it;

/** Hand-written MM7 requests, the way a third-party VASP's software would send them. */
final class Envelopes {
    private Envelopes() {
    }

    /** A SOAP 1.1 envelope in the canonical MM7 namespace around one request element written in that namespace. */
    private static String envelope(String transactionId, String requestXml) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <env:Envelope xmlns:env="http://schemas.xmlsoap.org/soap/envelope/">
                 <env:Header>
                  <mm7:TransactionID xmlns:mm7="%1$s" env:mustUnderstand="1">%2$s</mm7:TransactionID>
                 </env:Header>
                 <env:Body>
                %3$s
                 </env:Body>
                </env:Envelope>
                """.formatted(Gateway.NS, transactionId, requestXml);
    }

    /** A request element {@code name} in the canonical namespace: MM7Version 6.8.0, then {@code elementsXml}. */
    private static String request(String name, String elementsXml) {
        return """
                  <%1$s xmlns="%2$s">
                   <MM7Version>6.8.0</MM7Version>
                   %3$s
                  </%1$s>""".formatted(name, Gateway.NS, elementsXml);
    }

    private static String sender(String vaspId, String vasId, boolean shortCode) {
        return "<SenderIdentification><VASPID>" + vaspId + "</VASPID><VASID>" + vasId + "</VASID>"
                + (shortCode ? "<SenderAddress><ShortCode>4455</ShortCode></SenderAddress>" : "")
                + "</SenderIdentification>";
    }

    private static String optional(String element, String value) {
        return value == null ? "" : "<" + element + ">" + value + "</" + element + ">";
    }

    static String submit(String transactionId, String vaspId, String vasId, String serviceCode, String recipientsXml) {
        return envelope(transactionId, request("SubmitReq", sender(vaspId, vasId, true)
                + "<Recipients>" + recipientsXml + "</Recipients>"
                + "<ServiceCode>" + serviceCode + "</ServiceCode>"
                + "<MessageClass>Informational</MessageClass><ExpiryDate>P1D</ExpiryDate>"
                + "<DeliveryReport>true</DeliveryReport><Priority>High</Priority>"
                + "<Subject>Today's forecast</Subject>"));
    }

    /**
     * A SubmitReq in any namespace and MM7Version, with extra elements (e.g. a Content reference) at the end of
     * SubmitReq, written with prefixes and value quirks seen in the wild: SOAP-ENV and mm7 prefixes on every
     * element, a TransactionID padded with white space, True as a boolean.
     */
    static String submitIn(String namespace, String mm7Version, String transactionId, Gateway.Vasp vasp,
            String recipientsXml, String extraXml) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/">
                 <SOAP-ENV:Header>
                  <mm7:TransactionID xmlns:mm7="%1$s" SOAP-ENV:mustUnderstand="1">
                      %3$s
                  </mm7:TransactionID>
                 </SOAP-ENV:Header>
                 <SOAP-ENV:Body>
                  <mm7:SubmitReq xmlns:mm7="%1$s">
                   <mm7:MM7Version>%2$s</mm7:MM7Version>
                   <mm7:SenderIdentification>
                    <mm7:VASPID>%4$s</mm7:VASPID>
                    <mm7:VASID>%5$s</mm7:VASID>
                   </mm7:SenderIdentification>
                   <mm7:Recipients>%6$s</mm7:Recipients>
                   <mm7:ServiceCode>svc-%3$s</mm7:ServiceCode>
                   <mm7:DeliveryReport>True</mm7:DeliveryReport>
                   <mm7:Subject>versions</mm7:Subject>
                   %7$s
                  </mm7:SubmitReq>
                 </SOAP-ENV:Body>
                </SOAP-ENV:Envelope>
                """.formatted(namespace, mm7Version, transactionId, vasp.vaspId(), vasp.vasId(), recipientsXml,
                extraXml);
    }

    /**
     * A SubmitReq the plain way (default namespace on the request element and its TransactionID) in {@code namespace}
     * with MM7Version 6.8.0: the VASP's identification, {@code recipientsXml} inside Recipients, then
     * {@code elementsXml} (from ServiceCode on, in schema order).
     */
    static String submitDefaultNamespace(String namespace, String transactionId, Gateway.Vasp vasp, String recipientsXml,
            String elementsXml) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">
                 <soap:Header><TransactionID xmlns="%1$s" soap:mustUnderstand="1">%2$s</TransactionID></soap:Header>
                 <soap:Body>
                  <SubmitReq xmlns="%1$s">
                   <MM7Version>6.8.0</MM7Version>
                   <SenderIdentification><VASPID>%3$s</VASPID><VASID>%4$s</VASID></SenderIdentification>
                   <Recipients>%5$s</Recipients>
                   %6$s
                  </SubmitReq>
                 </soap:Body>
                </soap:Envelope>
                """.formatted(namespace, transactionId, vasp.vaspId(), vasp.vasId(), recipientsXml, elementsXml);
    }

    /** A CancelReq in any namespace, written the plain way (default namespace on the request element). */
    static String cancelIn(String namespace, String mm7Version, String transactionId, Gateway.Vasp vasp, String messageId) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <env:Envelope xmlns:env="http://schemas.xmlsoap.org/soap/envelope/">
                 <env:Header><mm7:TransactionID xmlns:mm7="%1$s" env:mustUnderstand="1">%3$s</mm7:TransactionID></env:Header>
                 <env:Body>
                  <CancelReq xmlns="%1$s">
                   <MM7Version>%2$s</MM7Version>
                   <SenderIdentification><VASPID>%4$s</VASPID><VASID>%5$s</VASID></SenderIdentification>
                   <MessageID>%6$s</MessageID>
                  </CancelReq>
                 </env:Body>
                </env:Envelope>
                """.formatted(namespace, mm7Version, transactionId, vasp.vaspId(), vasp.vasId(), messageId);
    }

    static String submit(String transactionId, Gateway.Vasp vasp, String recipientsXml) {
        return submit(transactionId, vasp.vaspId(), vasp.vasId(), "svc-" + transactionId, recipientsXml);
    }

    /** A submit with an optional EarliestDeliveryTime and ExpiryDate (null leaves one out). */
    static String submitTimed(String transactionId, Gateway.Vasp vasp, String recipientsXml, String earliestDeliveryTime,
            String expiryDate) {
        return envelope(transactionId, request("SubmitReq", sender(vasp.vaspId(), vasp.vasId(), true)
                + "<Recipients>" + recipientsXml + "</Recipients>"
                + "<ServiceCode>svc-" + transactionId + "</ServiceCode>"
                + optional("EarliestDeliveryTime", earliestDeliveryTime) + optional("ExpiryDate", expiryDate)
                + "<Priority>Low</Priority><Subject>Timed</Subject>"));
    }

    static String cancel(String transactionId, Gateway.Vasp vasp, String messageId) {
        return envelope(transactionId, request("CancelReq", sender(vasp.vaspId(), vasp.vasId(), false)
                + "<MessageID>" + messageId + "</MessageID>"));
    }

    /** A ReplaceReq; {@code elementsXml} are its elements after MessageID (ServiceCode, ... in schema order). */
    static String replace(String transactionId, Gateway.Vasp vasp, String messageId, String elementsXml) {
        return envelope(transactionId, request("ReplaceReq", sender(vasp.vaspId(), vasp.vasId(), false)
                + "<MessageID>" + messageId + "</MessageID>" + elementsXml));
    }

    /** A submit asking for a delivery report and a read reply, with an optional ExpiryDate (null: none). */
    static String submitWithReports(String transactionId, Gateway.Vasp vasp, String recipientsXml, String expiryDate) {
        return submitWithReports(transactionId, vasp, recipientsXml, expiryDate, "");
    }

    /** The same with {@code afterSubjectXml} after Subject (e.g. ApplicID, ReplyApplicID, AuxApplicInfo). */
    static String submitWithReports(String transactionId, Gateway.Vasp vasp, String recipientsXml, String expiryDate,
            String afterSubjectXml) {
        return envelope(transactionId, request("SubmitReq", sender(vasp.vaspId(), vasp.vasId(), true)
                + "<Recipients>" + recipientsXml + "</Recipients>"
                + "<ServiceCode>svc-" + transactionId + "</ServiceCode>"
                + optional("ExpiryDate", expiryDate)
                + "<DeliveryReport>true</DeliveryReport><ReadReply>true</ReadReply><Subject>Reports please</Subject>"
                + afterSubjectXml));
    }

    /** A submit replying to an MO message: LinkedID set, one Number recipient. */
    static String reply(String transactionId, Gateway.Vasp vasp, String number, String linkedId) {
        return envelope(transactionId, request("SubmitReq", sender(vasp.vaspId(), vasp.vasId(), false)
                + "<Recipients><To><Number>" + number + "</Number></To></Recipients>"
                + "<ServiceCode>svc-" + transactionId + "</ServiceCode>"
                + "<LinkedID>" + linkedId + "</LinkedID><Subject>Your vote counted</Subject>"));
    }
}
