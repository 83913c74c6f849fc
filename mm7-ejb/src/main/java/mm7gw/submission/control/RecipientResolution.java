package mm7gw.submission.control;

import java.util.List;
import mm7gw.submission.entity.RecipientList;

/** The recipients a submit is accepted for, and why each of the others was refused (for the Details). */
public record RecipientResolution(RecipientList accepted, List<String> refused) {
}
