using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace FrontDesk.TestSupport;

/// <summary>
/// A throwaway PostgreSQL cluster for the test run: initdb into a temp folder (as the postgres user when
/// running as root, since initdb refuses root), started on a free loopback port, stopped at exit.
/// Each caller gets its own fresh database, dropped again when the caller is done with it.
/// The test host is not always given time to run exit handlers, so every cluster folder records the process
/// that owns it, and a new run first removes the folders (and stops the servers) of processes that are gone:
/// leftovers from earlier runs never pile up on the disk.
/// </summary>
public static class TestPostgres
{
    private static readonly Lazy<Cluster?> Shared = new(StartCluster, LazyThreadSafetyMode.ExecutionAndPublication);
    private static string? _startError;

    /// <summary>True when CI (or the developer) demands the PostgreSQL tests run.</summary>
    public static bool Required =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
        || Environment.GetEnvironmentVariable("FRONTDESK_REQUIRE_POSTGRES") == "1";

    /// <summary>Why PostgreSQL tests are skipped here, or null when they run (always null when required).</summary>
    public static string? SkipReason => Required || FindBinDir() is not null
        ? null
        : "PostgreSQL is not installed (apt-get install postgresql); CI installs it and requires these tests.";

    /// <summary>A connection string to a new, empty database in the shared cluster.</summary>
    public static string CreateDatabase()
    {
        var cluster = Shared.Value ?? throw new InvalidOperationException($"PostgreSQL could not be started: {_startError}");
        var name = "t_" + Guid.NewGuid().ToString("N")[..16];
        using (var admin = new NpgsqlConnection(cluster.ConnectionString("postgres")))
        {
            admin.Open();
            using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            cmd.ExecuteNonQuery();
        }
        return cluster.ConnectionString(name);
    }

    /// <summary>Drops a database made by <see cref="CreateDatabase"/> (its connections are closed first); best effort.</summary>
    public static void DropDatabase(string connectionString)
    {
        if (!Shared.IsValueCreated || Shared.Value is not { } cluster)
        {
            return;
        }
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        if (name is null || !name.StartsWith("t_", StringComparison.Ordinal))
        {
            return;
        }
        try
        {
            using (var own = new NpgsqlConnection(connectionString))
            {
                NpgsqlConnection.ClearPool(own);
            }
            using var admin = new NpgsqlConnection(cluster.ConnectionString("postgres"));
            admin.Open();
            using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin);
            cmd.ExecuteNonQuery();
        }
        catch (NpgsqlException)
        {
            // The cluster itself is removed at exit or by the next run's sweep.
        }
    }

    private static string? FindBinDir()
    {
        if (!Directory.Exists("/usr/lib/postgresql"))
        {
            return null;
        }
        return Directory.GetDirectories("/usr/lib/postgresql")
            .Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "initdb")))
            .OrderByDescending(d => d, StringComparer.Ordinal)
            .FirstOrDefault();
    }

    private static Cluster? StartCluster()
    {
        try
        {
            var bin = FindBinDir() ?? throw new InvalidOperationException("initdb not found under /usr/lib/postgresql/*/bin");
            var asRoot = Environment.UserName == "root";
            SweepAbandonedClusters(bin, asRoot);
            var dir = Path.Combine(Path.GetTempPath(), FolderPrefix + Guid.NewGuid().ToString("N")[..8]);
            Directory.CreateDirectory(dir);
            File.WriteAllText(Path.Combine(dir, OwnerFile), Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (asRoot)
            {
                Run("chown", $"postgres:postgres {dir}", asPostgres: false);
            }
            var data = Path.Combine(dir, "data");
            Run(Path.Combine(bin, "initdb"), $"-D {data} -A trust -U postgres --no-sync -E UTF8 --locale=C.UTF-8", asRoot);
            var port = FreePort();
            Run(Path.Combine(bin, "pg_ctl"),
                $"-D {data} -l {Path.Combine(dir, "log")} -w -t 60 -o \"-p {port} -k {dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300\" start",
                asRoot);
            var cluster = new Cluster(port);
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                try
                {
                    Run(Path.Combine(bin, "pg_ctl"), $"-D {data} -m immediate -w stop", asRoot);
                    Directory.Delete(dir, recursive: true);
                }
                catch (Exception)
                {
                    // Best effort at exit; the temp folder is disposable.
                }
            };
            return cluster;
        }
        catch (Exception ex)
        {
            _startError = ex.Message;
            return null;
        }
    }

    private const string FolderPrefix = "frontdesk-pg-";
    private const string OwnerFile = "owner.pid";

    /// <summary>Stops and deletes clusters whose owning test process has exited (or that name no owner).</summary>
    private static void SweepAbandonedClusters(string bin, bool asRoot)
    {
        foreach (var dir in Directory.EnumerateDirectories(Path.GetTempPath(), FolderPrefix + "*"))
        {
            if (OwnerIsAlive(dir))
            {
                continue;
            }
            try
            {
                var data = Path.Combine(dir, "data");
                if (File.Exists(Path.Combine(data, "postmaster.pid")))
                {
                    Run(Path.Combine(bin, "pg_ctl"), $"-D {data} -m immediate -w stop", asRoot);
                }
            }
            catch (InvalidOperationException)
            {
                // Not running any more (a stale pid file); the folder goes all the same.
            }
            try
            {
                Directory.Delete(dir, recursive: true);
            }
            catch (IOException)
            {
                // Another run is sweeping the same folder.
            }
            catch (UnauthorizedAccessException)
            {
                // Not ours to delete (another user's run).
            }
        }
    }

    private static bool OwnerIsAlive(string dir)
    {
        var owner = Path.Combine(dir, OwnerFile);
        if (!File.Exists(owner))
        {
            // A folder still being set up by a run that started a moment ago has no owner file for a few
            // milliseconds; only folders older than a minute without one are abandoned.
            return Directory.GetCreationTimeUtc(dir) > DateTime.UtcNow.AddMinutes(-1);
        }
        if (!int.TryParse(File.ReadAllText(owner).Trim(), System.Globalization.CultureInfo.InvariantCulture, out var pid))
        {
            return false;
        }
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Run(string file, string args, bool asPostgres)
    {
        var psi = asPostgres
            ? new ProcessStartInfo("runuser", $"-u postgres -- {file} {args}")
            : new ProcessStartInfo(file, args);
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        psi.WorkingDirectory = Path.GetTempPath();
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {file}");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(file)} exited {p.ExitCode}: {stderr} {stdout.Result}");
        }
    }

    private sealed record Cluster(int Port)
    {
        public string ConnectionString(string database) =>
            $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=true;Maximum Pool Size=50;Timeout=30;Command Timeout=60";
    }
}
