package mm7gw.submission.entity;

public enum Priority {
    NORMAL, HIGH, LOW
}
