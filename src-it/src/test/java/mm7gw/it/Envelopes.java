package mm7gw.it;

/** Hand-written MM7 requests, the way a third-party VASP's software would send them. */
final class Envelopes {
    private Envelopes() {
    }

    static String submit(String transactionId, String vaspId, String vasId, String serviceCode, String recipientsXml) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <env:Envelope xmlns:env="http://schemas.xmlsoap.org/soap/envelope/">
                 <env:Header>
                  <mm7:TransactionID xmlns:mm7="%1$s" env:mustUnderstand="1">%2$s</mm7:TransactionID>
                 </env:Header>
                 <env:Body>
                  <SubmitReq xmlns="%1$s">
                   <MM7Version>6.8.0</MM7Version>
                   <SenderIdentification>
                    <VASPID>%3$s</VASPID>
                    <VASID>%4$s</VASID>
                    <SenderAddress><ShortCode>4455</ShortCode></SenderAddress>
                   </SenderIdentification>
                   <Recipients>%6$s</Recipients>
                   <ServiceCode>%5$s</ServiceCode>
                   <MessageClass>Informational</MessageClass>
                   <ExpiryDate>P1D</ExpiryDate>
                   <DeliveryReport>true</DeliveryReport>
                   <Priority>High</Priority>
                   <Subject>Today's forecast</Subject>
                  </SubmitReq>
                 </env:Body>
                </env:Envelope>
                """.formatted(Gateway.NS, transactionId, vaspId, vasId, serviceCode, recipientsXml);
    }

    static String submit(String transactionId, Gateway.Vasp vasp, String recipientsXml) {
        return submit(transactionId, vasp.vaspId(), vasp.vasId(), "svc-" + transactionId, recipientsXml);
    }

    /** A submit with an optional EarliestDeliveryTime and ExpiryDate (null leaves one out). */
    static String submitTimed(String transactionId, Gateway.Vasp vasp, String recipientsXml, String earliestDeliveryTime,
            String expiryDate) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <env:Envelope xmlns:env="http://schemas.xmlsoap.org/soap/envelope/">
                 <env:Header>
                  <mm7:TransactionID xmlns:mm7="%1$s" env:mustUnderstand="1">%2$s</mm7:TransactionID>
                 </env:Header>
                 <env:Body>
                  <SubmitReq xmlns="%1$s">
                   <MM7Version>6.8.0</MM7Version>
                   <SenderIdentification>
                    <VASPID>%3$s</VASPID>
                    <VASID>%4$s</VASID>
                    <SenderAddress><ShortCode>4455</ShortCode></SenderAddress>
                   </SenderIdentification>
                   <Recipients>%5$s</Recipients>
                   <ServiceCode>svc-%2$s</ServiceCode>
                   %6$s%7$s
                   <Priority>Low</Priority>
                   <Subject>Timed</Subject>
                  </SubmitReq>
                 </env:Body>
                </env:Envelope>
                """.formatted(Gateway.NS, transactionId, vasp.vaspId(), vasp.vasId(), recipientsXml,
                earliestDeliveryTime == null ? "" : "<EarliestDeliveryTime>" + earliestDeliveryTime + "</EarliestDeliveryTime>",
                expiryDate == null ? "" : "<ExpiryDate>" + expiryDate + "</ExpiryDate>");
    }

    static String cancel(String transactionId, Gateway.Vasp vasp, String messageId) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <env:Envelope xmlns:env="http://schemas.xmlsoap.org/soap/envelope/">
                 <env:Header>
                  <mm7:TransactionID xmlns:mm7="%1$s" env:mustUnderstand="1">%2$s</mm7:TransactionID>
                 </env:Header>
                 <env:Body>
                  <CancelReq xmlns="%1$s">
                   <MM7Version>6.8.0</MM7Version>
                   <SenderIdentification><VASPID>%3$s</VASPID><VASID>%4$s</VASID></SenderIdentification>
                   <MessageID>%5$s</MessageID>
                  </CancelReq>
                 </env:Body>
                </env:Envelope>
                """.formatted(Gateway.NS, transactionId, vasp.vaspId(), vasp.vasId(), messageId);
    }

    /** A ReplaceReq; {@code elementsXml} are its elements after MessageID (ServiceCode, ... in schema order). */
    static String replace(String transactionId, Gateway.Vasp vasp, String messageId, String elementsXml) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <env:Envelope xmlns:env="http://schemas.xmlsoap.org/soap/envelope/">
                 <env:Header>
                  <mm7:TransactionID xmlns:mm7="%1$s" env:mustUnderstand="1">%2$s</mm7:TransactionID>
                 </env:Header>
                 <env:Body>
                  <ReplaceReq xmlns="%1$s">
                   <MM7Version>6.8.0</MM7Version>
                   <SenderIdentification><VASPID>%3$s</VASPID><VASID>%4$s</VASID></SenderIdentification>
                   <MessageID>%5$s</MessageID>
                   %6$s
                  </ReplaceReq>
                 </env:Body>
                </env:Envelope>
                """.formatted(Gateway.NS, transactionId, vasp.vaspId(), vasp.vasId(), messageId, elementsXml);
    }
}
