package com.example.orders;

/** Written as text, "12.50 EUR", by the application's Jackson 3 module. */
public record Money(long cents, String currency) {

    public static Money parse(String text) {
        String[] parts = text.split(" ");
        return new Money(Math.round(Double.parseDouble(parts[0]) * 100), parts[1]);
    }

    @Override
    public String toString() {
        return String.format("%d.%02d %s", cents / 100, cents % 100, currency);
    }
}
