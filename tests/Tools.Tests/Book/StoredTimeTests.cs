using System.Globalization;
using Dapper;
using FrontDesk.Tools.Store;

namespace FrontDesk.Tools.Tests.Book;

/// <summary>
/// SQLite keeps times as text; the store reads the shape Microsoft.Data.Sqlite writes digit by digit instead of through the
/// general parser (issue 16). It must read every time exactly as the general parser did. SQLite only: PostgreSQL hands
/// back DateTime values.
/// </summary>
public sealed class StoredTimeTests
{
    private static DateTime GeneralParse(string text) =>
        DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    [Fact]
    public async Task Times_written_to_sqlite_read_back_as_the_general_parser_reads_them_and_as_they_were_written()
    {
        var dir = Path.Combine(Path.GetTempPath(), "frontdesk-times-" + Guid.NewGuid().ToString("N")[..10]);
        try
        {
            using var db = new SpaDatabase(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(dir, "spa.db")}");
            await using var c = await db.OpenAsync(CancellationToken.None);
            await c.ExecuteAsync("CREATE TABLE times (n INTEGER NOT NULL, at_utc TEXT NOT NULL)");
            var random = new Random(16);
            var times = new List<DateTime>
            {
                new(2026, 11, 23, 16, 0, 0, DateTimeKind.Utc), new(2026, 11, 23, 0, 0, 0, DateTimeKind.Utc), new(2028, 2, 29, 23, 59, 59, DateTimeKind.Utc),
                new DateTime(2026, 12, 31, 23, 59, 59, DateTimeKind.Utc).AddTicks(9_999_999), new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddTicks(1),
                new DateTime(2026, 3, 8, 10, 0, 0, DateTimeKind.Utc).AddTicks(1_200_000), DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc),
                DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc),
            };
            // Any instant, with whole seconds, milliseconds or ticks (the writer drops trailing zeros of the fraction).
            for (var i = 0; i < 3000; i++)
            {
                var ticks = random.NextInt64(DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks);
                times.Add(new DateTime(i % 3 == 0 ? ticks - (ticks % TimeSpan.TicksPerSecond) : i % 3 == 1 ? ticks - (ticks % TimeSpan.TicksPerMillisecond) : ticks, DateTimeKind.Utc));
            }
            for (var n = 0; n < times.Count; n++)
            {
                await c.ExecuteAsync("INSERT INTO times (n, at_utc) VALUES (@n, @at)", new { n, at = times[n] });
            }

            var stored = (await c.QueryAsync<(long N, string Text)>("SELECT n, at_utc FROM times ORDER BY n")).ToList();
            var read = (await c.QueryAsync<DateTime>("SELECT at_utc FROM times ORDER BY n")).ToList();

            Assert.Equal(times.Count, stored.Count);
            for (var n = 0; n < times.Count; n++)
            {
                var text = stored[n].Text;
                Assert.Equal(GeneralParse(text), SpaDatabase.ParseStoredUtc(text));
                Assert.Equal(DateTimeKind.Utc, SpaDatabase.ParseStoredUtc(text).Kind);
                Assert.Equal(times[n], read[n]);
                Assert.Equal(DateTimeKind.Utc, read[n].Kind);
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }

    [Theory]
    [InlineData("2026-11-23T16:00:00Z")]
    [InlineData("2026-11-23T08:00:00-08:00")]
    [InlineData("2026-11-23 16:00:00.")]
    [InlineData("2026-11-23 16:00")]
    [InlineData("2026-11-23")]
    [InlineData("2026-11-23 16:00:00.12345678")]
    public void Other_shapes_are_read_by_the_general_parser(string text) =>
        Assert.Equal(GeneralParse(text), SpaDatabase.ParseStoredUtc(text));

    [Theory]
    [InlineData("2026-02-30 10:00:00")]
    [InlineData("2026-13-01 10:00:00")]
    [InlineData("2026-11-23 24:00:00")]
    [InlineData("2026-11-23 1a:00:00")]
    [InlineData("not a time at all!!")]
    public void Impossible_times_fail_as_the_general_parser_fails(string text)
    {
        Assert.Throws<FormatException>(() => GeneralParse(text));
        Assert.Throws<FormatException>(() => SpaDatabase.ParseStoredUtc(text));
    }
}
