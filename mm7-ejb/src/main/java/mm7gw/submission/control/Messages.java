package mm7gw.submission.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import mm7gw.submission.entity.MultimediaMessage;

/** Stores and finds submitted messages. */
@ApplicationScoped
public class Messages {
    @PersistenceContext(unitName = "mm7")
    EntityManager em;

    public void add(MultimediaMessage message) {
        em.persist(message);
    }

    public Optional<MultimediaMessage> byMessageId(String messageId) {
        return em.createNamedQuery(MultimediaMessage.BY_MESSAGE_ID, MultimediaMessage.class)
                .setParameter("messageId", messageId).getResultStream().findFirst();
    }
}
