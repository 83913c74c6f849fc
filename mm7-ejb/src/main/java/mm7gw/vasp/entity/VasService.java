package mm7gw.vasp.entity;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/** One service (VAS ID) a VASP offers; requests name it in SenderIdentification/VASID. */
@Entity
@Cacheable(false)
@Table(name = "mm7_vas", uniqueConstraints = @UniqueConstraint(columnNames = {"vasp", "vas_id"}))
public class VasService {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mm7_vas_seq")
    @SequenceGenerator(name = "mm7_vas_seq", sequenceName = "mm7_vas_seq", allocationSize = 10)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "vasp")
    private Vasp vasp;

    @Column(name = "vas_id", length = 64, nullable = false)
    private String vasId;

    @Column(length = 200)
    private String name;

    @Column(nullable = false)
    private boolean active;

    protected VasService() {
    }

    VasService(Vasp vasp, String vasId, String name) {
        this.vasp = vasp;
        this.vasId = vasId;
        this.name = name;
        this.active = true;
    }

    public String vasId() {
        return vasId;
    }

    public String name() {
        return name;
    }

    public boolean isActive() {
        return active;
    }

    public void deactivate() {
        active = false;
    }

    public void activate() {
        active = true;
    }
}
