package mm7gw.submission.entity;

public enum ChargedParty {
    SENDER, RECIPIENT, BOTH, NEITHER, THIRD_PARTY
}
