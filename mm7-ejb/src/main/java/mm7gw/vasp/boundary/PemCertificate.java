package mm7gw.vasp.boundary;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.HexFormat;
import mm7gw.admin.boundary.RequestRefused;

/** A VASP's TLS client certificate as an admin registers it (PEM), reduced to what the gateway keeps. */
record PemCertificate(String sha256, String subject, Instant notAfter) {

    static PemCertificate parse(String pem) {
        if (pem == null || !pem.contains("-----BEGIN CERTIFICATE-----")) {
            throw RequestRefused.invalid("the body must be one X.509 certificate in PEM form (-----BEGIN CERTIFICATE-----)");
        }
        X509Certificate cert;
        try {
            cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.trim().getBytes(StandardCharsets.US_ASCII)));
        } catch (CertificateException | ClassCastException e) {
            throw RequestRefused.invalid("not a readable X.509 certificate: " + e.getMessage());
        }
        if (cert.getNotAfter().toInstant().isBefore(Instant.now())) {
            throw RequestRefused.invalid("the certificate expired on " + cert.getNotAfter().toInstant());
        }
        try {
            String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
            return new PemCertificate(sha256, cert.getSubjectX500Principal().getName(), cert.getNotAfter().toInstant());
        } catch (NoSuchAlgorithmException | CertificateException e) {
            throw new IllegalStateException(e);
        }
    }
}
