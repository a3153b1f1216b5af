package dev.car.domain.violation;

import com.google.inject.Injector;

/** Deliberately breaks the rules; only {@code ArchitectureRulesBiteTest} imports it. */
public class DomainUsingGuice {
    public Injector injector;

    public void print() {
        System.out.println("domain must not print");
    }
}
