package mm7gw.ws.binding;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Lenient in what the gateway accepts (REFERENCE.md §5.1, §9): brings the value quirks real VASPs send into the
 * form the schema defines before JAXB reads the request, and lists the values that stay wrong. Trims values,
 * reads booleans and enumerations case-insensitively ({@code True}, {@code normal}), fixes the known
 * misspellings {@code EarlistDeliveryTime} and {@code AuxApplicId}, and turns {@code ReplyChargingSize} /
 * {@code ReplyDeadline} child elements into the ReplyCharging attributes they stand for.
 */
public final class Leniency {
    private static final Set<String> BOOLEAN_ELEMENTS = Set.of("DeliveryReport", "ReadReply", "DistributionIndicator",
            "DRMContent");
    private static final Set<String> BOOLEAN_ATTRIBUTES = Set.of("allowAdaptations", "displayOnly");
    private static final Map<String, List<String>> ENUMERATIONS = Map.of(
            "MessageClass", List.of("Personal", "Informational", "Advertisement", "Auto"),
            "Priority", List.of("Normal", "High", "Low"),
            "ChargedParty", List.of("Sender", "Recipient", "Both", "Neither", "ThirdParty"),
            "ContentClass", List.of("text", "image-basic", "image-rich", "video-basic", "video-rich", "megapixel",
                    "content-basic", "content-rich"));
    private static final Map<String, String> MISSPELLINGS = Map.of(
            "EarlistDeliveryTime", "EarliestDeliveryTime",
            "AuxApplicId", "AuxApplicInfo");
    /** free text whose spaces belong to the sender */
    private static final Set<String> UNTRIMMED = Set.of("Subject", "Details", "StatusText", "ServiceCode", "AuxApplicInfo");
    // ServiceCode goes to billing exactly as received (TS 23.140 §7.1.11.4): never trimmed
    private static final DatatypeFactory DATATYPES;
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(Leniency.class.getName());

    static {
        try {
            DATATYPES = DatatypeFactory.newInstance();
        } catch (DatatypeConfigurationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The problems of one request, and whether its document was changed. */
    private final List<String> problems = new ArrayList<>();
    private boolean changed;

    private Leniency() {
    }

    /**
     * What normalising left: the values that remain invalid, one text per value, and whether the document was
     * changed at all (an unchanged envelope can go on to the runtime as it was received).
     */
    public record Normalised(List<String> problems, boolean changed) {
    }

    /**
     * Normalises the operation element in place; returns what remains invalid, one text per value. An invalid
     * value is taken out of the document, so that the request reaches the endpoint (which answers 2007 with these
     * texts) instead of failing in the JAXB reader.
     */
    public static Normalised normalise(Element operation, SchemaVocabulary vocabulary) {
        Leniency pass = new Leniency();
        pass.dropUnknown(operation, vocabulary);
        pass.visit(operation);
        return new Normalised(List.copyOf(pass.problems), pass.changed);
    }

    /** Takes out elements the schema does not declare (after the misspellings are fixed), logging each once. */
    private void dropUnknown(Element parent, SchemaVocabulary vocabulary) {
        for (Node n = parent.getFirstChild(); n != null; ) {
            Node next = n.getNextSibling();
            if (n.getNodeType() == Node.ELEMENT_NODE) {
                String name = n.getLocalName();
                if (!vocabulary.declares(name) && !MISSPELLINGS.containsKey(name)
                        && !"ReplyChargingSize".equals(name) && !"ReplyDeadline".equals(name)) {
                    LOG.fine(() -> "ignoring the element " + mm7gw.system.LogText.escape(name) + " the MM7 schema does not declare");
                    parent.removeChild(n);
                    changed = true;
                } else {
                    dropUnknown((Element) n, vocabulary);
                }
            }
            n = next;
        }
    }

    private void drop(Node invalid) {
        if (invalid instanceof Attr a) {
            a.getOwnerElement().removeAttributeNode(a);
        } else if (invalid.getParentNode() != null) {
            invalid.getParentNode().removeChild(invalid);
        }
        changed = true;
    }

    private void visit(Element element) {
        Element e = element;
        String name = e.getLocalName();
        if (MISSPELLINGS.containsKey(name)) {
            e = (Element) e.getOwnerDocument().renameNode(e, e.getNamespaceURI(), prefixed(e, MISSPELLINGS.get(name)));
            name = e.getLocalName();
            changed = true;
        }
        if ("ReplyCharging".equals(name)) {
            liftReplyChargingChildren(e);
        }
        visitAttributes(e);
        if (isLeaf(e)) {
            String text = e.getTextContent();
            if (!UNTRIMMED.contains(name) && !text.equals(text.trim())) {
                text = text.trim();
                e.setTextContent(text);
                changed = true;
            }
            int before = problems.size();
            if (BOOLEAN_ELEMENTS.contains(name)) {
                normaliseBoolean(name, text, e::setTextContent);
            } else if (ENUMERATIONS.containsKey(name)) {
                normaliseEnumeration(e, name, text);
            } else if ("TimeStamp".equals(name)) {
                checkDateTime(name, text);
            }
            if (problems.size() > before) {
                drop(e);
            }
            return;
        }
        for (Node n = e.getFirstChild(); n != null; ) {
            Node next = n.getNextSibling();
            if (n.getNodeType() == Node.ELEMENT_NODE) {
                visit((Element) n);
            }
            n = next;
        }
    }

    private void visitAttributes(Element e) {
        NamedNodeMap attributes = e.getAttributes();
        List<Attr> invalid = new ArrayList<>();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr a = (Attr) attributes.item(i);
            String name = a.getLocalName() == null ? a.getName() : a.getLocalName();
            int before = problems.size();
            if (BOOLEAN_ATTRIBUTES.contains(name)) {
                normaliseBoolean(e.getLocalName() + "/@" + name, a.getValue(), a::setValue);
            } else if ("replyChargingSize".equals(name)) {
                String v = a.getValue().trim();
                set(a.getValue(), v, a::setValue);
                if (!v.matches("\\+?0*[1-9][0-9]*")) {
                    problems.add("ReplyCharging/@replyChargingSize: '" + v + "' is not a positive integer");
                }
            }
            if (problems.size() > before) {
                invalid.add(a);
            }
        }
        invalid.forEach(this::drop);
    }

    private void liftReplyChargingChildren(Element replyCharging) {
        for (Node n = replyCharging.getFirstChild(); n != null; ) {
            Node next = n.getNextSibling();
            if (n.getNodeType() == Node.ELEMENT_NODE) {
                String local = n.getLocalName();
                if ("ReplyChargingSize".equals(local) || "ReplyDeadline".equals(local)) {
                    String attribute = "ReplyChargingSize".equals(local) ? "replyChargingSize" : "replyDeadline";
                    if (!replyCharging.hasAttribute(attribute)) {
                        replyCharging.setAttribute(attribute, n.getTextContent().trim());
                    }
                    replyCharging.removeChild(n);
                    changed = true;
                }
            }
            n = next;
        }
    }

    /** Writes a value that differs from the one read, and notes the change; the same value is left alone. */
    private void set(String read, String value, java.util.function.Consumer<String> set) {
        if (!value.equals(read)) {
            set.accept(value);
            changed = true;
        }
    }

    /** @param read the value as the document holds it */
    private void normaliseBoolean(String name, String read, java.util.function.Consumer<String> set) {
        String text = read.trim();
        switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "1" -> set(read, "true", set);
            case "false", "0" -> set(read, "false", set);
            default -> problems.add(name + ": '" + text + "' is not a boolean (true or false)");
        }
    }

    private void normaliseEnumeration(Element e, String name, String text) {
        for (String allowed : ENUMERATIONS.get(name)) {
            if (allowed.equalsIgnoreCase(text)) {
                set(text, allowed, e::setTextContent);
                return;
            }
        }
        problems.add(name + ": '" + text + "' is not one of " + String.join(", ", ENUMERATIONS.get(name)));
    }

    private void checkDateTime(String name, String text) {
        try {
            DATATYPES.newXMLGregorianCalendar(text);
        } catch (IllegalArgumentException e) {
            problems.add(name + ": '" + text + "' is not an xs:dateTime");
        }
    }

    private static boolean isLeaf(Element e) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE) {
                return false;
            }
        }
        return true;
    }

    private static String prefixed(Element e, String localName) {
        return e.getPrefix() == null ? localName : e.getPrefix() + ":" + localName;
    }
}
