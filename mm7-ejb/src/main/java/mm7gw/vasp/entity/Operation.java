package mm7gw.vasp.entity;

/** The MM7 operations a VASP can request of the gateway; a service level allows a subset of them. */
public enum Operation {
    SUBMIT, CANCEL, REPLACE
}
