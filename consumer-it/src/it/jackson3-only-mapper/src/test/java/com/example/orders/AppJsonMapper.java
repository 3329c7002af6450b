package com.example.orders;

import java.util.function.Supplier;
import tools.jackson.databind.json.JsonMapper;

/** Hands the extension the application's Jackson 3 mapper, as a test of a Spring Boot 4 app would. */
public class AppJsonMapper implements Supplier<JsonMapper> {
    @Override
    public JsonMapper get() {
        return JsonConfig.jsonMapper();
    }
}
