namespace InstructorBot.Bot.Hosting;

/// <summary>
/// <c>/healthz</c>: liveness, "ok" as soon as the host listens. <c>/readyz</c>: readiness, 200 once the warm-ups
/// (<see cref="HostReadiness"/>: the knowledge index, the second opinion's models) have ended, else 503 with what is still
/// warming and how many turns wait for it. Both are plain GETs without authentication and say nothing about the data.
/// </summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => Results.Text("ok"));
        app.MapGet("/readyz", (HostReadiness readiness) => readiness.IsReady
            ? Results.Json(new ReadinessReport(true, [], readiness.Failed, 0))
            : Results.Json(new ReadinessReport(false, readiness.Warming, readiness.Failed, readiness.WaitingTurns), statusCode: StatusCodes.Status503ServiceUnavailable));
        return app;
    }

    /// <summary>The body of <c>/readyz</c>: <c>{"ready":false,"warming":["knowledge"],"failed":[],"waitingTurns":1}</c>.</summary>
    private sealed record ReadinessReport(
        [property: System.Text.Json.Serialization.JsonPropertyName("ready")] bool Ready,
        [property: System.Text.Json.Serialization.JsonPropertyName("warming")] IReadOnlyList<string> Warming,
        [property: System.Text.Json.Serialization.JsonPropertyName("failed")] IReadOnlyList<string> Failed,
        [property: System.Text.Json.Serialization.JsonPropertyName("waitingTurns")] int WaitingTurns);
}
