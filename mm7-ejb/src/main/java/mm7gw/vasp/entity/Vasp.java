package mm7gw.vasp.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A Value Added Service Provider: the account that authenticates (login and password hash, read by the
 * server's security realm), the VASP ID it identifies itself with in MM7 requests, and its services (VAS IDs).
 */
@Entity
@Table(name = "mm7_vasp")
@NamedQuery(name = Vasp.BY_LOGIN, query = "select v from Vasp v where v.login = :login")
@NamedQuery(name = Vasp.BY_VASP_ID, query = "select v from Vasp v where v.vaspId = :vaspId")
@NamedQuery(name = Vasp.ALL, query = "select v from Vasp v order by v.vaspId")
public class Vasp {
    public static final String BY_LOGIN = "Vasp.byLogin";
    public static final String BY_VASP_ID = "Vasp.byVaspId";
    public static final String ALL = "Vasp.all";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mm7_vasp_seq")
    @SequenceGenerator(name = "mm7_vasp_seq", sequenceName = "mm7_vasp_seq", allocationSize = 10)
    private Long id;

    @Column(name = "vasp_id", length = 64, nullable = false, unique = true)
    private String vaspId;

    @Column(length = 200, nullable = false)
    private String name;

    /** The user name the VASP authenticates with; the security realm looks it up. */
    @Column(length = 64, nullable = false, unique = true)
    private String login;

    /** Modular-crypt (bcrypt) hash; never the password itself. */
    @Column(name = "password_hash", length = 128)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(length = 16, nullable = false)
    private VaspStatus status;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @OneToMany(mappedBy = "vasp", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<VasService> services = new ArrayList<>();

    /** The VASP-wide service level (always present) and any per-service levels. */
    @OneToMany(mappedBy = "vasp", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<ServiceLevel> serviceLevels = new ArrayList<>();

    protected Vasp() {
    }

    public Vasp(String vaspId, String name, String login) {
        this.vaspId = vaspId;
        this.name = name;
        this.login = login;
        this.status = VaspStatus.ACTIVE;
        this.createdAt = Instant.now();
        this.serviceLevels.add(new ServiceLevel(this, null));
    }

    public VasService addService(String vasId, String serviceName) {
        if (service(vasId).isPresent()) {
            throw new IllegalArgumentException("VAS ID " + vasId + " already exists for VASP " + vaspId);
        }
        VasService s = new VasService(this, vasId, serviceName);
        services.add(s);
        return s;
    }

    public Optional<VasService> service(String vasId) {
        return services.stream().filter(s -> s.vasId().equals(vasId)).findFirst();
    }

    /** The level that governs requests for that service: its own if it has one, else the VASP-wide one. */
    public ServiceLevel serviceLevelFor(String vasId) {
        return ownServiceLevel(vasId).orElseGet(this::serviceLevel);
    }

    /** The VASP-wide service level; created with the default terms for a VASP that predates service levels. */
    public ServiceLevel serviceLevel() {
        return ownServiceLevel(null).orElseGet(() -> {
            ServiceLevel level = new ServiceLevel(this, null);
            serviceLevels.add(level);
            return level;
        });
    }

    /** The service's own level, if it has one (vasId null: the VASP-wide one). */
    public Optional<ServiceLevel> ownServiceLevel(String vasId) {
        return serviceLevels.stream().filter(l -> java.util.Objects.equals(l.vasId(), vasId)).findFirst();
    }

    /** Gives the service its own level, starting from the VASP-wide terms, or returns the one it has. */
    public ServiceLevel serviceLevelOfService(String vasId) {
        if (service(vasId).isEmpty()) {
            throw new IllegalArgumentException("VAS ID " + vasId + " is not a service of VASP " + vaspId);
        }
        return ownServiceLevel(vasId).orElseGet(() -> {
            ServiceLevel level = new ServiceLevel(this, vasId);
            level.apply(serviceLevel().terms());
            serviceLevels.add(level);
            return level;
        });
    }

    /** The service falls back to the VASP-wide level; false if it had no level of its own. */
    public boolean dropServiceLevel(String vasId) {
        return vasId != null && serviceLevels.removeIf(l -> vasId.equals(l.vasId()));
    }

    public void changePasswordHash(String hash) {
        this.passwordHash = hash;
    }

    public void suspend() {
        status = VaspStatus.SUSPENDED;
    }

    public void resume() {
        status = VaspStatus.ACTIVE;
    }

    public boolean isActive() {
        return status == VaspStatus.ACTIVE;
    }

    public Long id() {
        return id;
    }

    public String vaspId() {
        return vaspId;
    }

    public String name() {
        return name;
    }

    public String login() {
        return login;
    }

    public VaspStatus status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public boolean hasPassword() {
        return passwordHash != null;
    }

    public List<VasService> services() {
        return Collections.unmodifiableList(services);
    }
}
