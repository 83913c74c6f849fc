package mm7gw.vasp.entity;

public enum VaspStatus {
    ACTIVE, SUSPENDED
}
