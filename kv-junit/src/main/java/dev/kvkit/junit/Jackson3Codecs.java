package dev.kvkit.junit;

import dev.kvkit.KvJsonCodec;
import tools.jackson.databind.json.JsonMapper;

/** The one class of the extension that names Jackson 3: loaded only when a supplier returned a JsonMapper. */
final class Jackson3Codecs {

    private Jackson3Codecs() {}

    static KvJsonCodec of(Object jsonMapper) {
        return KvJsonCodec.jackson3((JsonMapper) jsonMapper);
    }
}
