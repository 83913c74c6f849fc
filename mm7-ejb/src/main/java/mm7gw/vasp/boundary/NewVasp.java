package mm7gw.vasp.boundary;

import java.util.List;

/** An admin's request to register a VASP; login defaults to the VASP ID. */
public record NewVasp(String vaspId, String name, String login, String password, List<String> vasIds) {
}
