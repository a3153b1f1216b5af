package dev.car.application.destination;

import java.util.Map;

/**
 * A requested destination in one of the accepted input forms. {@link #toPayload()} builds the
 * raw payload that write validation then checks; malformed input fails with a
 * {@link dev.car.application.UseCaseFailure} naming what to fix.
 */
public sealed interface DestinationRequest permits FlagDestinationRequest, ApiDestinationRequest {

    Map<String, Object> toPayload();
}
