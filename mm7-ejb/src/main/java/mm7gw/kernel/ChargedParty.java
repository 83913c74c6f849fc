package mm7gw.kernel;

public enum ChargedParty {
    SENDER, RECIPIENT, BOTH, NEITHER, THIRD_PARTY
}
