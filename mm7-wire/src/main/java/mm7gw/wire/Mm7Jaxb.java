package mm7gw.wire;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import mm7gw.ws.gen.ObjectFactory;

/** The JAXB context of the generated MM7 types (thread-safe; made once, it is costly). */
final class Mm7Jaxb {
    private static volatile JAXBContext context;

    private Mm7Jaxb() {
    }

    static JAXBContext context() {
        JAXBContext c = context;
        if (c == null) {
            synchronized (Mm7Jaxb.class) {
                c = context;
                if (c == null) {
                    try {
                        // the context's implementation is found from the generated classes' loader
                        c = JAXBContext.newInstance(ObjectFactory.class.getPackageName(),
                                ObjectFactory.class.getClassLoader());
                    } catch (JAXBException e) {
                        throw new IllegalStateException("no JAXB context for the MM7 types: " + e, e);
                    }
                    context = c;
                }
            }
        }
        return c;
    }
}
