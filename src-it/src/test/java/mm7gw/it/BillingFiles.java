package mm7gw.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Boolean;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Enumerated;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.ASN1UTF8String;
import org.bouncycastle.asn1.BERTags;

/**
 * The billing system's view of the CDR files: listed and downloaded through the admin API, the TS 32.297 framing
 * read here with plain offsets, and every record decoded by BouncyCastle's generic ASN.1 parser, never by the
 * gateway's own code. Records are seen as their context tag and their fields by context tag, as a 32.298-aware
 * decoder would map them to names.
 */
final class BillingFiles {
    /** the gateway's extension arc (UUID-based, 2.25) and the numbers of its extensions */
    static final String ARC = "2.25.28442008367236817801281680499609341279.";

    private BillingFiles() {
    }

    static List<JsonObject> list() {
        return ((JsonArray) Gateway.adminJson("/api/charging/cdr-files")).stream().map(JsonObject.class::cast).toList();
    }

    /** Closes the node's open file through the admin API: the closed file, or null if none was open. */
    static JsonObject closeOpenFile() {
        HttpResponse<String> r = Gateway.admin("POST", "/api/charging/cdr-files/close", null);
        if (r.statusCode() == 204) {
            return null;
        }
        if (r.statusCode() != 200) {
            throw new AssertionError("closing the CDR file -> " + r.statusCode() + " " + r.body());
        }
        return Billing.parse(r.body());
    }

    static byte[] download(JsonObject file) {
        HttpResponse<byte[]> r = Gateway.adminBytes("/api/charging/cdr-files/" + Billing.enc(file.getString("node"))
                + "/" + Billing.enc(file.getString("name")));
        if (r.statusCode() != 200) {
            throw new AssertionError("download of " + file + " -> " + r.statusCode() + " " + new String(r.body(), StandardCharsets.UTF_8));
        }
        return r.body();
    }

    /** Every record of every closed file, in file order. */
    static List<Cdr> allRecords() throws IOException {
        List<Cdr> all = new ArrayList<>();
        for (JsonObject f : list()) {
            all.addAll(records(f.getString("name"), download(f)));
        }
        return all;
    }

    /** A file's records, its header and CDR headers checked on the way (TS 32.297). */
    static List<Cdr> records(String name, byte[] file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(file);
        if (b.getInt(0) != file.length) {
            throw new AssertionError(name + ": file length field " + b.getInt(0) + ", file " + file.length);
        }
        int headerLength = b.getInt(4);
        long count = Integer.toUnsignedLong(b.getInt(18));
        List<Cdr> cdrs = new ArrayList<>();
        int offset = headerLength;
        while (offset < file.length) {
            int length = Short.toUnsignedInt(b.getShort(offset));
            int releaseVersion = file[offset + 2] & 0xFF;
            int formatTs = file[offset + 3] & 0xFF;
            if (formatTs != (1 << 5 | 10)) {
                throw new AssertionError(name + ": CDR at " + offset + " is not BER / TS 32.270: " + formatTs);
            }
            int headerSize = (releaseVersion >>> 5) == 7 ? 5 : 4;
            byte[] record = java.util.Arrays.copyOfRange(file, offset + headerSize, offset + headerSize + length);
            cdrs.add(Cdr.decode(name, record));
            offset += headerSize + length;
        }
        if (offset != file.length || cdrs.size() != count) {
            throw new AssertionError(name + ": " + cdrs.size() + " CDRs, the header counts " + count);
        }
        return cdrs;
    }

    /** One record as BouncyCastle parsed it. */
    record Cdr(String file, int tag, Map<Integer, ASN1TaggedObject> fields) {
        static Cdr decode(String file, byte[] ber) throws IOException {
            ASN1TaggedObject outer;
            try (ASN1InputStream in = new ASN1InputStream(ber)) {
                outer = (ASN1TaggedObject) in.readObject();
                if (in.readObject() != null) {
                    throw new AssertionError(file + ": octets after a record");
                }
            }
            if (outer.getTagClass() != BERTags.CONTEXT_SPECIFIC) {
                throw new AssertionError(file + ": a record is not a context-tagged alternative of MMSRecordType");
            }
            Map<Integer, ASN1TaggedObject> fields = new HashMap<>();
            for (ASN1Encodable e : ASN1Sequence.getInstance(outer, false)) {
                ASN1TaggedObject f = (ASN1TaggedObject) e;
                if (fields.put(f.getTagNo(), f) != null) {
                    throw new AssertionError(file + ": field [" + f.getTagNo() + "] twice");
                }
            }
            return new Cdr(file, outer.getTagNo(), fields);
        }

        boolean has(int tag) {
            return fields.containsKey(tag);
        }

        ASN1TaggedObject field(int tag) {
            ASN1TaggedObject f = fields.get(tag);
            if (f == null) {
                throw new AssertionError("record [" + this.tag + "] in " + file + " has no field [" + tag + "]: " + fields.keySet());
            }
            return f;
        }

        String text(int tag) {
            return new String(ASN1OctetString.getInstance(field(tag), false).getOctets(), StandardCharsets.UTF_8);
        }

        byte[] octets(int tag) {
            return ASN1OctetString.getInstance(field(tag), false).getOctets();
        }

        long integer(int tag) {
            return ASN1Integer.getInstance(field(tag), false).getValue().longValueExact();
        }

        int enumerated(int tag) {
            return ASN1Enumerated.getInstance(field(tag), false).intValueExact();
        }

        boolean bool(int tag) {
            return ASN1Boolean.getInstance(field(tag), false).isTrue();
        }

        Instant timeStamp(int tag) {
            return BillingFiles.timeStamp(octets(tag));
        }

        /** A WaitTime given as http-date [0]. */
        Instant waitTime(int tag) {
            ASN1TaggedObject choice = (ASN1TaggedObject) field(tag).getExplicitBaseObject();
            if (choice.getTagNo() != 0) {
                throw new AssertionError("WaitTime [" + tag + "] is not an http-date");
            }
            return BillingFiles.timeStamp(ASN1OctetString.getInstance(choice, false).getOctets());
        }

        /** MMSRSAddress's domainName [0]. */
        String domainName(int tag) {
            ASN1TaggedObject name = (ASN1TaggedObject) ASN1Sequence.getInstance(field(tag), false).getObjectAt(0);
            return new String(ASN1OctetString.getInstance(name, false).getOctets(), StandardCharsets.UTF_8);
        }

        String agentAddress(int tag) {
            return BillingFiles.agentAddress(ASN1Sequence.getInstance(field(tag), false));
        }

        List<String> agentAddresses(int tag) {
            List<String> all = new ArrayList<>();
            for (ASN1Encodable a : ASN1Sequence.getInstance(field(tag), false)) {
                all.add(BillingFiles.agentAddress(ASN1Sequence.getInstance(a)));
            }
            return all;
        }

        /** ChargeInformation's chargedparty [0]. */
        int chargedParty(int tag) {
            ASN1TaggedObject p = (ASN1TaggedObject) ASN1Sequence.getInstance(field(tag), false).getObjectAt(0);
            return ASN1Enumerated.getInstance(p, false).intValueExact();
        }

        /** The gateway's extensions in recordExtensions [tag], by their number under the gateway's arc. */
        Map<Integer, Object> extensions(int tag) {
            Map<Integer, Object> x = new HashMap<>();
            for (ASN1Encodable e : ASN1Sequence.getInstance(field(tag), false)) {
                ASN1Sequence ext = ASN1Sequence.getInstance(e);
                String oid = ASN1ObjectIdentifier.getInstance(ext.getObjectAt(0)).getId();
                ASN1TaggedObject info = (ASN1TaggedObject) ext.getObjectAt(ext.size() - 1);
                if (info.getTagNo() != 2 || !oid.startsWith(ARC)) {
                    throw new AssertionError("not a gateway extension: " + oid);
                }
                ASN1Primitive v = info.getExplicitBaseObject().toASN1Primitive();
                x.put(Integer.parseInt(oid.substring(ARC.length())), v instanceof ASN1Integer i ? (Object) i.getValue()
                        .longValueExact() : ASN1UTF8String.getInstance(v).getString());
            }
            return x;
        }
    }

    /** "msisdn:447700900301 to", "shortCode:4455", "email:a@b cc": an MMSAgentAddress read field by field. */
    static String agentAddress(ASN1Sequence address) {
        ASN1TaggedObject data = (ASN1TaggedObject) address.getObjectAt(0);
        ASN1TaggedObject choice = (ASN1TaggedObject) data.getExplicitBaseObject();
        byte[] octets = ASN1OctetString.getInstance(choice, false).getOctets();
        String text = switch (choice.getTagNo()) {
            case 0 -> "email:" + new String(octets, StandardCharsets.UTF_8);
            case 1 -> "msisdn:" + isdn(octets);
            case 2 -> "shortCode:" + new String(octets, StandardCharsets.UTF_8);
            default -> throw new AssertionError("MMSAgentAddressData alternative " + choice.getTagNo());
        };
        if (address.size() > 1) {
            ASN1Sequence types = ASN1Sequence.getInstance((ASN1TaggedObject) address.getObjectAt(1), false);
            text += " " + List.of("to", "cc", "bcc").get(ASN1Enumerated.getInstance(types.getObjectAt(0)).intValueExact());
        }
        return text;
    }

    /** ISDN-AddressString: 0x91 (international, E.164), then TBCD digits (low nibble first, F filler). */
    static String isdn(byte[] octets) {
        if ((octets[0] & 0xFF) != 0x91) {
            throw new AssertionError("not an international E.164 number: " + new BigInteger(1, octets).toString(16));
        }
        StringBuilder s = new StringBuilder();
        for (int i = 1; i < octets.length; i++) {
            s.append(octets[i] & 0x0F);
            if ((octets[i] >> 4 & 0x0F) != 0x0F) {
                s.append(octets[i] >> 4 & 0x0F);
            }
        }
        return s.toString();
    }

    /** TimeStamp: BCD YYMMDDhhmmss, sign as ASCII, BCD hhmm offset. */
    static Instant timeStamp(byte[] o) {
        if (o.length != 9) {
            throw new AssertionError("a TimeStamp has 9 octets, not " + o.length);
        }
        int[] d = new int[9];
        for (int i = 0; i < 9; i++) {
            d[i] = (o[i] >> 4 & 0x0F) * 10 + (o[i] & 0x0F);
        }
        int sign = o[6] == '+' ? 1 : o[6] == '-' ? -1 : 0;
        if (sign == 0) {
            throw new AssertionError("TimeStamp sign is " + o[6]);
        }
        return LocalDateTime.of(2000 + d[0], d[1], d[2], d[3], d[4], d[5])
                .toInstant(ZoneOffset.ofTotalSeconds(sign * (d[7] * 3600 + d[8] * 60)));
    }
}
