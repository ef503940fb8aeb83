using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace FrontDesk.Tools.Profile;

/// <summary>
/// Reads a spa profile (format version 1) and enforces every rule of shared/spa-profile.md.
/// Works on the YAML node tree rather than a deserializer so every error can name its line and field.
/// </summary>
public static partial class SpaProfileLoader
{
    private static readonly string[] DayKeys = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    private static readonly DayOfWeek[] DayValues =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    /// <summary>Loads and validates the profile at <paramref name="path"/>.</summary>
    /// <exception cref="SpaProfileException">The file is missing, unreadable or breaks a rule.</exception>
    public static SpaProfile Load(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new SpaProfileException(full, 0, "(file)", "profile file not found");
        }
        return Parse(File.ReadAllText(full), full);
    }

    /// <summary>Parses profile YAML; <paramref name="file"/> only names the source in errors.</summary>
    public static SpaProfile Parse(string yaml, string file)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            throw new SpaProfileException(file, ex.Start.Line, "(yaml)", ex.Message);
        }
        catch (InvalidOperationException ex)
        {
            // YamlDotNet's scanner throws this (without a position) on some malformed input, e.g. an unclosed "[".
            throw new SpaProfileException(file, 0, "(yaml)", $"malformed YAML: {ex.Message}");
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new SpaProfileException(file, 1, "(root)", "expected a mapping with version, spa, locations, services and staff");
        }
        return new Reader(file).ReadProfile(root);
    }

    [GeneratedRegex("^[a-z0-9-]+$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$")]
    private static partial Regex E164Pattern();

    [GeneratedRegex(@"^([01][0-9]|2[0-3]):([0-5][0-9])-([01][0-9]|2[0-4]):([0-5][0-9])$")]
    private static partial Regex SpanPattern();

    private sealed class Reader(string file)
    {
        public SpaProfile ReadProfile(YamlMappingNode root)
        {
            var m = new Map(this, root, "");
            m.Allow("version", "spa", "locations", "services", "staff", "policies", "faq", "escalation", "clients");
            var version = m.RequiredInt("version");
            if (version != 1)
            {
                throw Error(m.Node("version")!, "version", $"unsupported profile version {version}; this build reads version 1");
            }

            var spa = ReadSpa(m.RequiredMap("spa"));
            var locations = ReadList(m, "locations", required: true, ReadLocation);
            var services = ReadList(m, "services", required: true, ReadService);
            var staff = ReadList(m, "staff", required: true, ReadStaff);
            var policies = ReadPolicies(m.OptionalMap("policies"));
            var faq = ReadList(m, "faq", required: false, ReadFaq);
            var escalation = ReadEscalation(m.OptionalMap("escalation"));
            var clients = ReadList(m, "clients", required: false, ReadClient);

            UniqueIds(m, "locations", locations.Select(x => (x.Node, x.Value.Id)));
            UniqueIds(m, "services", services.Select(x => (x.Node, x.Value.Id)));
            UniqueIds(m, "staff", staff.Select(x => (x.Node, x.Value.Id)));
            UniqueIds(m, "clients", clients.Select(x => (x.Node, x.Value.Id)));
            foreach (var (node, loc) in locations)
            {
                UniqueIds(new Map(this, node, "locations[]"), "rooms", loc.Rooms.Select(r => (node, r.Id)));
            }
            UniqueIds(m, "clients", clients.Select(x => (x.Node, x.Value.Phone)), "phone");

            CheckReferences(locations, services, staff);

            var faqEntries = faq.Select((f, i) => f.Value with { Id = $"faq-{i + 1}" }).ToList();
            return new SpaProfile(
                spa,
                [.. locations.Select(l => l.Value)],
                [.. services.Select(s => s.Value)],
                [.. staff.Select(s => s.Value)],
                policies,
                faqEntries,
                escalation,
                [.. clients.Select(c => c.Value)],
                file);
        }

        private void CheckReferences(
            List<(YamlMappingNode Node, Location Value)> locations,
            List<(YamlMappingNode Node, Service Value)> services,
            List<(YamlMappingNode Node, StaffMember Value)> staff)
        {
            var locationIds = locations.Select(l => l.Value.Id).ToHashSet(StringComparer.Ordinal);
            var serviceIds = services.Select(s => s.Value.Id).ToHashSet(StringComparer.Ordinal);
            for (var i = 0; i < services.Count; i++)
            {
                var (node, s) = services[i];
                var path = $"services[{i}]";
                foreach (var loc in s.LocationIds.Where(l => !locationIds.Contains(l)))
                {
                    throw Error(At(node, "locations"), $"{path}.locations", $"unknown location '{loc}'");
                }
                var offeredAt = s.LocationIds.Count == 0 ? locations.Select(l => l.Value) : locations.Select(l => l.Value).Where(l => s.LocationIds.Contains(l.Id));
                // The room type must exist where the service is offered, not merely somewhere.
                if (!offeredAt.Any(l => l.Rooms.Any(r => r.Type == s.RoomType)))
                {
                    throw Error(At(node, "room_type"), $"{path}.room_type", $"no location offering '{s.Id}' has a room of type '{s.RoomType}'");
                }
                if (s.RequiresConsultation && s.ConsultationServiceId is null)
                {
                    throw Error(At(node, "requires_consultation"), $"{path}.consultation_service", "required when requires_consultation is true");
                }
                if (s.ConsultationServiceId is not null && !serviceIds.Contains(s.ConsultationServiceId))
                {
                    throw Error(At(node, "consultation_service"), $"{path}.consultation_service", $"unknown service '{s.ConsultationServiceId}'");
                }
                var performable = staff.Any(st => st.Value.ServiceIds.Contains(s.Id)
                    && offeredAt.Any(l => st.Value.Schedule.ContainsKey(l.Id) && l.Rooms.Any(r => r.Type == s.RoomType)));
                if (!performable)
                {
                    throw Error(node, path, $"service '{s.Id}' cannot be performed: no staff member offers it at a location with a '{s.RoomType}' room");
                }
            }
            for (var i = 0; i < staff.Count; i++)
            {
                var (node, st) = staff[i];
                foreach (var sid in st.ServiceIds.Where(x => !serviceIds.Contains(x)))
                {
                    throw Error(At(node, "services"), $"staff[{i}].services", $"unknown service '{sid}'");
                }
                foreach (var lid in st.Schedule.Keys.Where(x => !locationIds.Contains(x)))
                {
                    throw Error(At(node, "schedule"), $"staff[{i}].schedule.{lid}", $"unknown location '{lid}'");
                }
            }
        }

        private void UniqueIds(Map parent, string list, IEnumerable<(YamlMappingNode Node, string Id)> ids, string field = "id")
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (node, id) in ids)
            {
                if (!seen.Add(id))
                {
                    throw Error(node, $"{Join(parent.Path, list)}.{field}", $"duplicate {field} '{id}'");
                }
            }
        }

        private List<(YamlMappingNode Node, T Value)> ReadList<T>(Map m, string key, bool required, Func<Map, T> read)
        {
            var node = m.Node(key);
            var path = Join(m.Path, key);
            if (node is null || node is YamlScalarNode { Value: null or "" or "~" or "null" })
            {
                if (required)
                {
                    throw Error(m.Self, path, "required list is missing");
                }
                return [];
            }
            if (node is not YamlSequenceNode seq)
            {
                throw Error(node, path, "expected a list");
            }
            if (required && seq.Children.Count == 0)
            {
                throw Error(node, path, "needs at least one entry");
            }
            var result = new List<(YamlMappingNode, T)>();
            for (var i = 0; i < seq.Children.Count; i++)
            {
                if (seq.Children[i] is not YamlMappingNode item)
                {
                    throw Error(seq.Children[i], $"{path}[{i}]", "expected a mapping");
                }
                result.Add((item, read(new Map(this, item, $"{path}[{i}]"))));
            }
            return result;
        }

        private SpaInfo ReadSpa(Map m)
        {
            m.Allow("name", "timezone", "currency", "website", "ai_disclosure", "ai_disclosure_es", "languages");
            var name = m.RequiredString("name");
            var tzId = m.RequiredString("timezone");
            TimeZoneInfo tz;
            try
            {
                tz = TimeZoneInfo.FindSystemTimeZoneById(tzId);
                if (!tz.HasIanaId)
                {
                    throw new TimeZoneNotFoundException();
                }
            }
            catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
            {
                throw Error(m.Node("timezone")!, Join(m.Path, "timezone"), $"unknown IANA time zone '{tzId}'");
            }
            var currency = m.OptionalString("currency") ?? "USD";
            if (currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper))
            {
                throw Error(m.Node("currency")!, Join(m.Path, "currency"), $"'{currency}' is not an ISO 4217 code");
            }
            var disclosure = m.OptionalString("ai_disclosure") ?? $"I'm {name}'s virtual assistant.";
            var languages = m.StringList("languages").Select(l => l.Trim().ToLowerInvariant()).Distinct().ToList();
            if (m.Node("languages") is { } listed && languages.Count == 0)
            {
                throw Error(listed, Join(m.Path, "languages"), $"list at least one of: {string.Join(", ", SpaInfo.SupportedLanguages)}");
            }
            if (languages.FirstOrDefault(l => !SpaInfo.SupportedLanguages.Contains(l)) is { } unknown)
            {
                throw Error(m.Node("languages")!, Join(m.Path, "languages"), $"'{unknown}' is not a supported language; supported: {string.Join(", ", SpaInfo.SupportedLanguages)}");
            }
            return new SpaInfo(name, tzId, tz, currency, m.OptionalString("website"), disclosure)
            {
                Languages = languages.Count == 0 ? SpaInfo.SupportedLanguages : languages,
                Disclosures = Localized(m, "ai_disclosure"),
            };
        }

        /// <summary>The optional per-language versions of a field: <c>{key}_es</c> and so on.</summary>
        private static Dictionary<string, string> Localized(Map m, string key)
        {
            var found = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var language in SpaInfo.SupportedLanguages.Skip(1))
            {
                if (m.OptionalString($"{key}_{language}") is { } text)
                {
                    found[language] = text;
                }
            }
            return found;
        }

        private Location ReadLocation(Map m)
        {
            m.Allow("id", "name", "address", "phone", "hours", "closures", "rooms");
            var id = m.RequiredId("id");
            var rooms = ReadList(m, "rooms", required: true, r =>
            {
                r.Allow("id", "type");
                return new Room(r.RequiredString("id"), r.RequiredString("type"));
            });
            return new Location(
                id,
                m.OptionalString("name") ?? id,
                m.OptionalString("address"),
                m.OptionalPhone("phone"),
                ReadWeek(m.RequiredMap("hours")),
                m.DateList("closures"),
                [.. rooms.Select(r => r.Value)]);
        }

        private Service ReadService(Map m)
        {
            m.Allow("id", "name", "aliases", "category", "duration_min", "buffer_min", "price", "price_from", "room_type",
                "locations", "requires_consultation", "consultation_service", "min_age", "contraindications", "description", "name_es", "aliases_es", "description_es");
            var duration = m.RequiredInt("duration_min");
            if (duration <= 0)
            {
                throw Error(m.Node("duration_min")!, Join(m.Path, "duration_min"), "must be greater than 0");
            }
            var buffer = m.OptionalInt("buffer_min") ?? 0;
            if (buffer < 0)
            {
                throw Error(m.Node("buffer_min")!, Join(m.Path, "buffer_min"), "must not be negative");
            }
            var price = m.OptionalDecimal("price");
            if (price < 0)
            {
                throw Error(m.Node("price")!, Join(m.Path, "price"), "must not be negative");
            }
            var minAge = m.OptionalInt("min_age");
            if (minAge is < 0 or > 120)
            {
                throw Error(m.Node("min_age")!, Join(m.Path, "min_age"), "must be between 0 and 120");
            }
            return new Service(
                m.RequiredString("id"),
                m.RequiredString("name"),
                m.StringList("aliases"),
                m.RequiredString("category"),
                duration,
                buffer,
                price,
                m.OptionalBool("price_from") ?? false,
                m.RequiredString("room_type"),
                m.StringList("locations"),
                m.OptionalBool("requires_consultation") ?? false,
                m.OptionalString("consultation_service"),
                minAge,
                [.. m.StringList("contraindications").Select(t => t.ToLowerInvariant())],
                m.OptionalString("description"))
            {
                Names = Localized(m, "name"),
                LocalAliases = m.StringList("aliases_es"),
                Descriptions = Localized(m, "description"),
            };
        }

        private StaffMember ReadStaff(Map m)
        {
            m.Allow("id", "name", "title", "services", "schedule", "time_off");
            var scheduleMap = m.RequiredMap("schedule");
            var schedule = new Dictionary<string, WeeklyHours>(StringComparer.Ordinal);
            foreach (var (keyNode, valueNode) in scheduleMap.Self.Children)
            {
                var locId = ((YamlScalarNode)keyNode).Value ?? "";
                if (valueNode is not YamlMappingNode week)
                {
                    throw Error(valueNode, Join(scheduleMap.Path, locId), "expected weekly spans (mon..sun)");
                }
                schedule[locId] = ReadWeek(new Map(this, week, Join(scheduleMap.Path, locId)));
            }
            if (schedule.Count == 0)
            {
                throw Error(scheduleMap.Self, scheduleMap.Path, "needs at least one location");
            }
            var services = m.StringList("services");
            if (services.Count == 0)
            {
                throw Error(m.Self, Join(m.Path, "services"), "required: the service ids this person performs");
            }
            return new StaffMember(m.RequiredString("id"), m.RequiredString("name"), m.OptionalString("title"), services, schedule, m.DateList("time_off"));
        }

        private WeeklyHours ReadWeek(Map m)
        {
            m.Allow(DayKeys);
            var days = new Dictionary<DayOfWeek, IReadOnlyList<TimeSpanOfDay>>();
            for (var i = 0; i < DayKeys.Length; i++)
            {
                var node = m.Node(DayKeys[i]);
                if (node is null)
                {
                    continue;
                }
                var path = Join(m.Path, DayKeys[i]);
                if (node is not YamlScalarNode { Value: { } text })
                {
                    throw Error(node, path, "expected \"HH:MM-HH:MM\" spans or 'closed'");
                }
                days[DayValues[i]] = ParseSpans(text, node, path);
            }
            return new WeeklyHours(days);
        }

        private List<TimeSpanOfDay> ParseSpans(string text, YamlNode node, string path)
        {
            var spans = new List<TimeSpanOfDay>();
            if (text.Trim().Equals("closed", StringComparison.OrdinalIgnoreCase))
            {
                return spans;
            }
            foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var match = SpanPattern().Match(part.Replace(" ", "", StringComparison.Ordinal));
                if (!match.Success)
                {
                    throw Error(node, path, $"'{part}' is not a span like \"09:00-17:00\"");
                }
                var start = new TimeOnly(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture));
                var endHour = int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture);
                var endMinute = int.Parse(match.Groups[4].Value, CultureInfo.InvariantCulture);
                if (endHour == 24 && endMinute != 0)
                {
                    throw Error(node, path, $"'{part}' ends after midnight");
                }
                var end = endHour == 24 ? TimeOnly.MaxValue : new TimeOnly(endHour, endMinute);
                if (end <= start)
                {
                    throw Error(node, path, $"'{part}' ends before it starts");
                }
                spans.Add(new TimeSpanOfDay(start, end));
            }
            spans.Sort((a, b) => a.Start.CompareTo(b.Start));
            for (var i = 1; i < spans.Count; i++)
            {
                if (spans[i].Start < spans[i - 1].End)
                {
                    throw Error(node, path, $"spans {spans[i - 1]} and {spans[i]} overlap");
                }
            }
            return spans;
        }

        private Policies ReadPolicies(Map? m)
        {
            m?.Allow("booking_lead_time_min", "booking_horizon_days", "cancellation", "late_cancel_hours", "deposit", "waitlist_offer_minutes",
                "cancellation_es", "deposit_es");
            int NonNegative(string key, int fallback)
            {
                var value = m?.OptionalInt(key) ?? fallback;
                return value >= 0 ? value : throw Error(m!.Node(key)!, Join(m.Path, key), "must not be negative");
            }
            return new Policies(
                NonNegative("booking_lead_time_min", 60),
                Math.Max(1, NonNegative("booking_horizon_days", 60)),
                m?.OptionalString("cancellation"),
                NonNegative("late_cancel_hours", 24),
                m?.OptionalString("deposit"),
                Math.Max(1, NonNegative("waitlist_offer_minutes", 15)))
            {
                Translations = m is null ? new Dictionary<string, IReadOnlyDictionary<string, string>>() : new Dictionary<string, IReadOnlyDictionary<string, string>>
                {
                    ["cancellation"] = Localized(m, "cancellation"),
                    ["deposit"] = Localized(m, "deposit"),
                },
            };
        }

        private FaqEntry ReadFaq(Map m)
        {
            m.Allow("q", "a", "tags", "q_es", "a_es");
            return new FaqEntry("", m.RequiredString("q"), m.RequiredString("a"), m.StringList("tags"))
            {
                Questions = Localized(m, "q"),
                Answers = Localized(m, "a"),
            };
        }

        private EscalationContacts ReadEscalation(Map? m)
        {
            m?.Allow("teams_webhook_env", "on_call_phone", "transfer_phone");
            return new EscalationContacts(m?.OptionalString("teams_webhook_env"), m?.OptionalPhone("on_call_phone"), m?.OptionalPhone("transfer_phone"));
        }

        private SampleClient ReadClient(Map m)
        {
            m.Allow("id", "name", "phone", "email", "preferences", "health_flags", "sms_consent", "marketing_consent");
            return new SampleClient(
                m.RequiredString("id"),
                m.RequiredString("name"),
                m.OptionalPhone("phone") ?? throw Error(m.Self, Join(m.Path, "phone"), "required"),
                m.OptionalString("email"),
                m.StringList("preferences"),
                [.. m.StringList("health_flags").Select(t => t.ToLowerInvariant())],
                m.OptionalBool("sms_consent") ?? false,
                m.OptionalBool("marketing_consent") ?? false);
        }

        /// <summary>The value node of a key, so an error points at the field's own line; the mapping when the key is absent.</summary>
        private static YamlNode At(YamlMappingNode node, string key) =>
            node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : node;

        public SpaProfileException Error(YamlNode node, string field, string problem) =>
            new(file, node.Start.Line, field, problem);

        public static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";
    }

    /// <summary>A mapping node with its path, and typed accessors that fail with the line and field.</summary>
    private sealed class Map(Reader reader, YamlMappingNode node, string path)
    {
        public YamlMappingNode Self => node;
        public string Path => path;

        public void Allow(params string[] keys)
        {
            foreach (var key in node.Children.Keys)
            {
                var name = (key as YamlScalarNode)?.Value ?? "";
                if (!keys.Contains(name, StringComparer.Ordinal))
                {
                    throw reader.Error(key, Reader.Join(path, name), $"unknown key '{name}' (allowed: {string.Join(", ", keys)})");
                }
            }
        }

        public YamlNode? Node(string key) => node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

        private string? Scalar(string key)
        {
            var value = Node(key);
            if (value is null)
            {
                return null;
            }
            if (value is not YamlScalarNode scalar)
            {
                throw reader.Error(value, Reader.Join(path, key), "expected a single value");
            }
            return scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && scalar.Value is "~" or "null" or "" ? null : scalar.Value;
        }

        public string RequiredString(string key) =>
            string.IsNullOrWhiteSpace(Scalar(key)) ? throw reader.Error(Node(key) ?? node, Reader.Join(path, key), "required") : Scalar(key)!.Trim();

        public string RequiredId(string key)
        {
            var id = RequiredString(key);
            return IdPattern().IsMatch(id) ? id : throw reader.Error(Node(key)!, Reader.Join(path, key), $"'{id}' must match [a-z0-9-]+");
        }

        public string? OptionalString(string key) => Scalar(key)?.Trim() is { Length: > 0 } s ? s : null;

        public string? OptionalPhone(string key)
        {
            var phone = OptionalString(key);
            return phone is null || E164Pattern().IsMatch(phone)
                ? phone
                : throw reader.Error(Node(key)!, Reader.Join(path, key), $"'{phone}' is not an E.164 number like +15551230000");
        }

        public int RequiredInt(string key) =>
            OptionalInt(key) ?? throw reader.Error(Node(key) ?? node, Reader.Join(path, key), "required");

        public int? OptionalInt(string key)
        {
            var text = Scalar(key);
            if (text is null)
            {
                return null;
            }
            return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw reader.Error(Node(key)!, Reader.Join(path, key), $"'{text}' is not a whole number");
        }

        public decimal? OptionalDecimal(string key)
        {
            var text = Scalar(key);
            if (text is null)
            {
                return null;
            }
            return decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw reader.Error(Node(key)!, Reader.Join(path, key), $"'{text}' is not a number");
        }

        public bool? OptionalBool(string key)
        {
            var text = Scalar(key);
            return text?.ToLowerInvariant() switch
            {
                null => null,
                "true" or "yes" => true,
                "false" or "no" => false,
                _ => throw reader.Error(Node(key)!, Reader.Join(path, key), $"'{text}' is not true or false"),
            };
        }

        public Map RequiredMap(string key) =>
            OptionalMap(key) ?? throw reader.Error(node, Reader.Join(path, key), "required");

        public Map? OptionalMap(string key)
        {
            var value = Node(key);
            return value switch
            {
                null => null,
                YamlMappingNode map => new Map(reader, map, Reader.Join(path, key)),
                YamlScalarNode { Value: null or "" or "~" or "null" } => null,
                _ => throw reader.Error(value, Reader.Join(path, key), "expected a mapping"),
            };
        }

        public IReadOnlyList<string> StringList(string key)
        {
            var value = Node(key);
            return value switch
            {
                null => [],
                YamlSequenceNode seq => [.. seq.Children.Select((c, i) => c is YamlScalarNode { Value: { } v } && v.Trim().Length > 0
                    ? v.Trim()
                    : throw reader.Error(c, $"{Reader.Join(path, key)}[{i}]", "expected text"))],
                YamlScalarNode { Value: null or "" or "~" or "null" } => [],
                _ => throw reader.Error(value, Reader.Join(path, key), "expected a list"),
            };
        }

        public IReadOnlyList<DateOnly> DateList(string key)
        {
            var texts = StringList(key);
            return [.. texts.Select(t => DateOnly.TryParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? d
                : throw reader.Error(Node(key)!, Reader.Join(path, key), $"'{t}' is not a date like 2026-12-25"))];
        }
    }
}
