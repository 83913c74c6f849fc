package mm7gw.kernel;

public enum Priority {
    NORMAL, HIGH, LOW
}
