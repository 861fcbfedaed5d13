package io.openrsp.crypto.pki;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.util.IPAddress;

/**
 * RFC 5280 §4.2.1.6 subjectAltName, restricted to the name forms this platform issues: dNSName (RFC 1034
 * preferred syntax, no wildcards), iPAddress (IPv4/IPv6) and uniformResourceIdentifier (absolute URI).
 */
public record SubjectAltNames(List<String> dnsNames, List<InetAddress> ipAddresses, List<URI> uris) {

    private static final Pattern DNS_LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final int MAX_DNS_NAME = 253;

    public SubjectAltNames {
        dnsNames = List.copyOf(dnsNames);
        ipAddresses = List.copyOf(ipAddresses);
        uris = List.copyOf(uris);
    }

    /** No subjectAltName. */
    public static SubjectAltNames none() {
        return new SubjectAltNames(List.of(), List.of(), List.of());
    }

    /** DNS names only. */
    public static SubjectAltNames dns(String... dnsNames) {
        return new SubjectAltNames(List.of(dnsNames), List.of(), List.of());
    }

    /** This set plus {@code dnsName}. */
    public SubjectAltNames withDns(String dnsName) {
        List<String> names = new ArrayList<>(dnsNames);
        names.add(Objects.requireNonNull(dnsName, "dnsName"));
        return new SubjectAltNames(names, ipAddresses, uris);
    }

    /**
     * This set plus the IP address written as the literal {@code ipLiteral} (never resolved).
     *
     * @throws IllegalArgumentException if {@code ipLiteral} is not an IPv4 or IPv6 literal
     */
    public SubjectAltNames withIp(String ipLiteral) {
        if (!IPAddress.isValid(ipLiteral)) {
            throw new IllegalArgumentException("not an IP address literal: " + ipLiteral);
        }
        List<InetAddress> addresses = new ArrayList<>(ipAddresses);
        try {
            addresses.add(InetAddress.getByName(ipLiteral)); // a literal: no lookup happens
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address literal: " + ipLiteral, e);
        }
        return new SubjectAltNames(dnsNames, addresses, uris);
    }

    /** This set plus {@code uri}. */
    public SubjectAltNames withUri(URI uri) {
        List<URI> list = new ArrayList<>(uris);
        list.add(Objects.requireNonNull(uri, "uri"));
        return new SubjectAltNames(dnsNames, ipAddresses, list);
    }

    public boolean isEmpty() {
        return dnsNames.isEmpty() && ipAddresses.isEmpty() && uris.isEmpty();
    }

    /** Refuses names that do not follow the syntax above. */
    void check() throws PkiException {
        for (String name : dnsNames) {
            if (!isDnsName(name)) {
                throw new PkiException(
                        PkiException.Reason.SUBJECT_NOT_ALLOWED, "the subjectAltName has an invalid DNS name");
            }
        }
        for (URI uri : uris) {
            if (!uri.isAbsolute() || !isAscii(uri.toASCIIString())) {
                throw new PkiException(
                        PkiException.Reason.SUBJECT_NOT_ALLOWED, "the subjectAltName has a URI that is not absolute");
            }
        }
    }

    GeneralNames toGeneralNames() {
        List<GeneralName> names = new ArrayList<>();
        dnsNames.forEach(n -> names.add(new GeneralName(GeneralName.dNSName, n)));
        ipAddresses.forEach(a -> names.add(new GeneralName(GeneralName.iPAddress, new DEROctetString(a.getAddress()))));
        uris.forEach(u -> names.add(new GeneralName(GeneralName.uniformResourceIdentifier, u.toASCIIString())));
        return new GeneralNames(names.toArray(GeneralName[]::new));
    }

    private static boolean isDnsName(String name) {
        if (name.isEmpty() || name.length() > MAX_DNS_NAME) {
            return false;
        }
        for (String label : name.split("\\.", -1)) {
            if (!DNS_LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAscii(String s) {
        return s.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    }
}
