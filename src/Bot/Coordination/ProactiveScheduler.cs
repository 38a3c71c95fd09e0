using InstructorBot.Bot.Charts;
using InstructorBot.Bot.Conversation;
using InstructorBot.Bot.Replies;
using InstructorBot.Store;
using InstructorBot.Store.Domain;
using Microsoft.Extensions.Options;

namespace InstructorBot.Bot.Coordination;

/// <summary>
/// Sends the proactive messages: on each reporting day of the calendar a digest to every coordinator, and once a week a
/// reminder to every instructor (issue 14). Runs at startup and then every <see cref="SchedulerOptions.Interval"/> on the
/// <see cref="TimeProvider"/>. Each message is claimed in <see cref="NoticeLog"/> before it is sent, so it goes out once per
/// user, kind and period, however many runs, restarts or schedulers look at it. A user who said "不要提醒" gets nothing.
/// A failure for one user is logged and the others still get theirs; a refused send is given back and tried next run.
/// </summary>
public sealed partial class ProactiveScheduler(
    InstructorStore store,
    NoticeLog log,
    NoticeDelivery delivery,
    NoticeComposer composer,
    ReminderPreferences preferences,
    CampaignCalendar calendar,
    IOptions<SchedulerOptions> options,
    TimeProvider time,
    ILogger<ProactiveScheduler> logger,
    CoverageChart? charts = null) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Startup goes on while the first run looks.
        await Task.Yield();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await RunOnceAsync(stoppingToken);
                await Task.Delay(options.Value.Interval, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One look at what is due now; returns how many messages were sent.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        var local = TimeZoneInfo.ConvertTime(now, ChinaTime.Zone);
        var today = DateOnly.FromDateTime(local.DateTime);
        if (local.TimeOfDay < settings.SendAt)
        {
            return 0;
        }

        var sent = 0;
        if (DueReportingDay(today, settings) is { } reporting)
        {
            foreach (var coordinator in store.Users().Where(u => u.Role == UserRole.Coordinator))
            {
                sent += await SendOneAsync(coordinator, NoticeKinds.Digest, NoticeComposer.DayPeriod(reporting.Date), () =>
                {
                    var digest = composer.Digest(coordinator, reporting.Date, reporting.Rule, today);
                    return (NoticeReplies.Digest(digest, calendar, settings.MaxListed), NoticeComposer.FiguresOf(digest.Report, today), DigestChart(coordinator, today));
                }, cancellationToken);
            }
        }

        if (IsReminderWeekDue(today, settings))
        {
            foreach (var instructor in store.Users().Where(u => u.Role == UserRole.Instructor))
            {
                sent += await SendOneAsync(instructor, NoticeKinds.VisitReminder, NoticeComposer.WeekOf(today), () =>
                    composer.VisitReminder(instructor, today, settings.NotVisitedDays) is { } reminder
                        ? (NoticeReplies.VisitReminder(reminder, instructor.Name, settings.MaxListed), null, null)
                        : (null, null, null), cancellationToken);
            }
        }

        return sent;
    }

    /// <summary>
    /// The digest's chart: coverage per street for a district coordinator, per community for a street's; none for a
    /// community's, or when drawing fails (the digest goes without it).
    /// </summary>
    private ChartImage? DigestChart(User coordinator, DateOnly today)
    {
        var jurisdiction = coordinator.Jurisdiction;
        if (charts is null || jurisdiction.Community is not null)
        {
            return null;
        }

        try
        {
            var by = jurisdiction.Street is null ? Store.Figures.BreakdownLevel.Street : Store.Figures.BreakdownLevel.Community;
            return charts.CoverageByStreet(jurisdiction.Name ?? "全部", store.OrganizationsIn(jurisdiction), by, today);
        }
#pragma warning disable CA1031 // A chart that cannot be drawn (a missing font) must not hold back the figures.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogChartFailed(logger, exception);
            return null;
        }
    }

    /// <summary>The reporting day whose digest is due today: today's, or one missed at most <see cref="SchedulerOptions.DigestCatchUpDays"/> ago.</summary>
    private ReportingDate? DueReportingDay(DateOnly today, SchedulerOptions settings)
    {
        for (var back = 0; back <= settings.DigestCatchUpDays; back++)
        {
            var day = today.AddDays(-back);
            if (calendar.ReportingRuleOn(day) is { } rule)
            {
                return new ReportingDate(day, rule);
            }
        }

        return null;
    }

    /// <summary>On or after the reminder weekday, within the same ISO week (Monday to Sunday).</summary>
    private static bool IsReminderWeekDue(DateOnly today, SchedulerOptions settings) =>
        IsoDay(today.DayOfWeek) >= IsoDay(settings.ReminderDay);

    private static int IsoDay(DayOfWeek day) => day == DayOfWeek.Sunday ? 7 : (int)day;

    private async Task<int> SendOneAsync(
        User user, string kind, string period, Func<(string? Text, DigestFigures? Figures, ChartImage? Chart)> compose, CancellationToken cancellationToken)
    {
        try
        {
            if (!preferences.IsEnabled(user.Id) || log.IsClaimed(user.Id, kind, period))
            {
                return 0;
            }

            var (text, figures, chart) = compose();
            if (text is null)
            {
                return 0; // nothing to remind of
            }

            var claimed = await log.ClaimAsync(
                new Notice { UserId = user.Id, Kind = kind, Period = period, Text = text, Figures = figures, ClaimedAtMs = time.GetUtcNow().ToUnixTimeMilliseconds() },
                cancellationToken);
            if (claimed is null)
            {
                return 0; // another scheduler claimed it between the look and the claim
            }

            var channel = await delivery.SendAsync(user, claimed, time.GetUtcNow().ToUnixTimeMilliseconds(), cancellationToken, chart);
            if (channel is null)
            {
                await log.ReleaseAsync(claimed, CancellationToken.None);
                LogRefused(logger, kind, period, claimed.Id);
                return 0;
            }

            await log.MarkSentAsync(claimed, channel, time.GetUtcNow().ToUnixTimeMilliseconds(), CancellationToken.None);
            LogSent(logger, kind, period, channel, claimed.Id);
            return 1;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // One user's failure must not stop the others' messages; it is logged and retried next run.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogFailed(logger, kind, period, exception);
            return 0;
        }
    }

    [LoggerMessage(EventId = 7100, Level = LogLevel.Information, Message = "Sent {Kind} notice for {Period} through {Channel} (notice {NoticeId})")]
    private static partial void LogSent(ILogger logger, string kind, string period, string channel, int noticeId);

    [LoggerMessage(EventId = 7101, Level = LogLevel.Warning, Message = "The channel refused the {Kind} notice for {Period} (notice {NoticeId}); the claim is given back and the next run tries again")]
    private static partial void LogRefused(ILogger logger, string kind, string period, int noticeId);

    [LoggerMessage(EventId = 7103, Level = LogLevel.Warning, Message = "The digest's chart could not be drawn; the digest goes without it")]
    private static partial void LogChartFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Error, Message = "A {Kind} notice for {Period} failed; the next run tries again")]
    private static partial void LogFailed(ILogger logger, string kind, string period, Exception exception);
}
