using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using CoProduce.Tests.Shared;
using CoProduce.Web.Data;
using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.Commissioning;
using CoProduce.Web.Domain.Roster;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using Stopwatch = System.Diagnostics.Stopwatch;

using CoProduce.Web.Infrastructure.Mvc;

namespace CoProduce.IntegrationTests;

/// <summary>
/// "No server error on any input", kept so: as an anonymous visitor and as each role, on a fresh
/// app and database of its own on the real Kestrel server, crawl every page that can be reached,
/// then submit every form found with each field in turn replaced by hostile values (see
/// <see cref="HostileInput"/>), missing, duplicated, with extra fields and with tampered ids in
/// its address. Fails on any server error, any answer without a valid status, and any marker
/// shown as markup rather than as text. Then sends every POST route a form the server cannot read.
/// </summary>
public sealed partial class BadInputTests(ITestOutputHelper output)
{
    /// <summary>Bounds that keep a run to a minute or two on a small machine.</summary>
    private const int MaxPages = 120;
    private const int PagesPerPattern = 2;
    private const int Seed = 20261130;

    /// <summary>Hostile values of each kind tried on each field (all of them on fields that take numbers).</summary>
    private const int ValuesPerKind = 1;

    /// <summary>The kinds every field that takes a number gets all of.</summary>
    private static readonly string[] NumberKinds = ["signs", "huge numbers", "decimals", "numbers", "dates"];

    /// <summary>The kind every field for an email address gets all of.</summary>
    private const string AddressKind = "paths and addresses";

    /// <summary>Forms that would sign the crawl out or remove its own data, so the rest could not be tried.</summary>
    private static readonly string[] SkippedActions = ["/sign-out", "/profile/delete", "/profile/consent/withdraw"];

    private static readonly HtmlParser Parser = new();

    public static TheoryData<string> Audiences => [.. AccessExpectations.Audiences];

    [Theory]
    [MemberData(nameof(Audiences))]
    public async Task EveryForm_HostileValues_NeverAServerErrorNorUnescapedMarkup(string audience)
    {
        var clock = Stopwatch.StartNew();
        using var portal = new KestrelPortal();
        using var browser = portal.CreateBrowser();
        if (audience != AccessExpectations.Anonymous)
        {
            await SignInAsync(browser, DemoUsers.EmailFor(audience), DemoUsers.Password(portal.App));
        }
        var prepared = await PrepareStatesAsync(portal);
        var run = new Run(browser);

        var random = new Random(Seed);
        var forms = new List<FormSpec>();
        // Twice: some forms only appear once the first round has changed things (an activity
        // completed, a new rules version published).
        for (var round = 1; round <= 2; round++)
        {
            var known = forms.Select(Key).ToHashSet(StringComparer.Ordinal);
            var found = (await CrawlAsync(run, [.. prepared, .. EntryPages(portal, audience)])).Where(f => !known.Contains(Key(f))).ToList();
            foreach (var form in found)
            {
                output.WriteLine($"Form (round {round}): {form.Method} {form.Action} on {form.PageUrl}: {string.Join(", ", form.FieldNames)}");
                await SubmitHostileVariantsAsync(run, form, random);
            }
            forms.AddRange(found);
        }
        var unreadable = await SendUnreadableFormsAsync(run, portal, forms, audience);

        // The crawl is still signed in (or still not) after it all.
        var home = await browser.Client.GetAsync(new Uri("/", UriKind.Relative));
        var stillSignedIn = (await home.ReadPageAsync()).QuerySelector("form[action='/sign-out']") is not null;
        Assert.Equal(audience != AccessExpectations.Anonymous, stillSignedIn);

        var summary = string.Create(CultureInfo.InvariantCulture,
            $"Bad input as {audience}: {run.Pages} pages, {forms.Count} forms, {run.Submissions} submissions of {HostileInput.Count} hostile values in {HostileInput.Categories.Count} kinds, {unreadable} unreadable requests, {run.Failures.Count} failures, in {clock.Elapsed.TotalSeconds:0.0}s");
        output.WriteLine(summary);
        Console.WriteLine(summary);
        Assert.True(run.Failures.Count == 0, summary + "\n" + string.Join("\n", run.Failures.Distinct().Take(60)));
        Assert.True(run.Submissions > 0, "No forms were found to submit");
    }

    [Theory]
    [InlineData("<p>&lt;zqx2&gt; and &lt;script&gt;zqx1()&lt;/script&gt;</p>", false)]
    [InlineData("<input value=\"&quot; zqx5=&quot;1\"><textarea>&lt;/textarea&gt;&lt;zqx9&gt;</textarea>", false)]
    [InlineData("<a href=\"/projects?q=javascript:zqx12()\">safe</a>", false)]
    [InlineData("<p><zqx2></p>", true)]
    [InlineData("<input value=\"\" zqx5=\"1\">", true)]
    [InlineData("<script>zqx1()</script>", true)]
    [InlineData("<img src=x onerror=zqx7()>", true)]
    [InlineData("<a href=\"javascript:zqx12()\">link</a>", true)]
    [InlineData("<p><!--zqx11--></p>", true)]
    [InlineData("<iframe srcdoc=\"zqx14\"></iframe>", true)]
    public async Task MarkupCheck_CatchesMarkersShownAsMarkup_AndOnlyThose(string html, bool caught)
    {
        // The check that fails the crawl must be able to fail: markers as text pass, as markup do not.
        var page = await Parser.ParseDocumentAsync(html);

        Assert.Equal(caught, Unescaped(html, page) is not null);
    }

    /// <summary>
    /// Data in the states that show the rarer forms: an activity completed with attendance (record
    /// it as evidence, and record someone else's attendance), one with a waiting list and a free
    /// place (offer it), a place offered to Jo, the demo expert (accept it), and a newer rules
    /// version (re-assess projects onto it).
    /// </summary>
    private static async Task<IReadOnlyList<string>> PrepareStatesAsync(KestrelPortal portal)
    {
        await using var scope = portal.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();
        var now = DateTime.UtcNow;
        var today = DateOnly.FromDateTime(now);
        var organiser = await db.Users.Where(u => u.Email == DemoUsers.EmailFor(Roles.Commissioner)).Select(u => u.Id).SingleAsync();
        var carers = await db.CommissioningProjects.Where(p => p.Title == "Carers' support service").Select(p => p.Id).SingleAsync();
        var people = (await db.ExpertProfiles.OrderBy(p => p.Id).ToListAsync()).Where(p => p.HasConsent).ToList();
        var jo = people.Single(p => p.ContactEmail == DemoUsers.EmailFor(Roles.ExpertByExperience));
        var others = people.Where(p => p.Id != jo.Id).Take(2).Select(p => p.Id).ToList();
        Activity NewActivity(string title, int places) =>
            new(carers, title, ActivityType.Workshop, "Prepared for the bad input test.",
                new ActivitySchedule(today.AddDays(30), new TimeOnly(10, 0), new TimeOnly(12, 0), today.AddDays(20)),
                new ActivityPlace(ActivityMode.InPerson, "Library", null, null), places, [LivedExperienceArea.Carer], LadderRung.CoDesign, isPaid: true, organiser, now);

        var completed = NewActivity("Bad input: completed", 2);
        completed.LinkToRequirement("R4", now);
        var waiting = NewActivity("Bad input: waiting list", 2);
        var offered = NewActivity("Bad input: offered", 1);
        db.Activities.AddRange(completed, waiting, offered);
        foreach (var activity in new[] { completed, waiting, offered })
        {
            activity.MoveTo(ActivityStatus.Open, now);
        }
        var attended = others.Select(id => completed.RequestPlace(id, true, "", now)).ToList();
        var onTheList = waiting.RequestPlace(others[0], true, "", now);
        var joOffered = offered.RequestPlace(jo.Id, true, "", now);
        await db.SaveChangesAsync();

        attended.ForEach(s => completed.Confirm(s.Id, true, null, now));
        completed.MoveTo(ActivityStatus.Closed, now);
        var onTheDay = UkTime.ToUtc(completed.Date, completed.EndTime);
        completed.MoveTo(ActivityStatus.Completed, onTheDay);
        completed.RecordAttendance(attended[0].Id, Attendance.Attended, new TimeGiven(120), new(null, null, null), "organiser", onTheDay);
        waiting.WaitList(onTheList.Id, now);
        offered.WaitList(joOffered.Id, now);
        offered.OfferPlace(joOffered.Id, true, now);

        var rules = await db.TierRuleSets.OrderByDescending(r => r.Version).FirstAsync();
        db.TierRuleSets.Add(TierRuleSet.Create(rules.Version + 1, now, organiser, "Prepared for the bad input test", rules.UpperBounds, rules.Requirements));
        await db.SaveChangesAsync();
        // Where the crawl starts, so that these pages are among the few of their kind it visits.
        return [$"/manage/activities/{completed.Id}", $"/manage/activities/{completed.Id}/sign-ups/{attended[1].Id}/attendance",
            $"/manage/activities/{waiting.Id}", $"/activities/{offered.Id}", "/rules/reassess"];
    }

    private sealed class Run(KestrelBrowser browser)
    {
        public KestrelBrowser Browser { get; } = browser;
        public int Pages { get; set; }
        public int Submissions { get; set; }
        public List<string> Failures { get; } = [];
    }

    /// <summary>A form as a browser would send it, and which of its fields take numbers.</summary>
    private sealed record FormSpec(string PageUrl, string Action, string Method, bool Multipart, IReadOnlyList<KeyValuePair<string, string>> Fields,
        IReadOnlyList<string> FileFields, IReadOnlySet<string> NumberFields, IReadOnlyList<string> UntickedFields,
        IReadOnlyDictionary<string, IReadOnlyList<string>> Choices)
    {
        /// <summary>Every field's name, including checkboxes with nothing ticked (which send nothing as shown).</summary>
        public IEnumerable<string> FieldNames => Fields.Select(f => f.Key).Concat(UntickedFields).Where(k => k != "__RequestVerificationToken").Distinct();
    }

    /// <summary>The same form on many pages (one per sign-up, say) is tried once.</summary>
    private static string Key(FormSpec form) =>
        form.Method + " " + Pattern(form.Action) + " " + string.Join(",", form.FieldNames.Order(StringComparer.Ordinal));

    private static IEnumerable<string> EntryPages(KestrelPortal portal, string audience)
    {
        // The start page, then every page the app has (with sample ids), as far as this audience may see it.
        yield return "/";
        foreach (var action in AccessExpectations.Discover(portal.App.Services))
        {
            if (action.Method == "GET" && !action.Key.StartsWith("Errors.", StringComparison.Ordinal)
                && AccessExpectations.Expected.TryGetValue(action.Key, out var expectation) && AccessExpectations.IsAllowed(expectation, audience))
            {
                yield return action.Url;
            }
        }
    }

    private static async Task<List<FormSpec>> CrawlAsync(Run run, IEnumerable<string> entryPages)
    {
        var queue = new Queue<string>(entryPages);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var perPattern = new Dictionary<string, int>(StringComparer.Ordinal);
        var forms = new Dictionary<string, FormSpec>(StringComparer.Ordinal);
        while (queue.Count > 0 && run.Pages < MaxPages)
        {
            var url = queue.Dequeue();
            var pattern = Pattern(url);
            if (!seen.Add(url) || perPattern.GetValueOrDefault(pattern) >= PagesPerPattern)
            {
                continue;
            }
            perPattern[pattern] = perPattern.GetValueOrDefault(pattern) + 1;
            run.Pages++;
            using var response = await run.Browser.Client.GetAsync(new Uri(url, UriKind.Relative));
            var page = await CheckAsync(run, response, $"GET {url}");
            if (page is null)
            {
                continue;
            }
            foreach (var href in page.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!))
            {
                if (IsCrawlable(href))
                {
                    queue.Enqueue(href.Split('#')[0]);
                }
            }
            foreach (var element in page.QuerySelectorAll("form").OfType<IHtmlFormElement>())
            {
                var form = Read(url, element);
                if (!SkippedActions.Contains(form.Action.Split('?')[0]) && form.Action.StartsWith('/'))
                {
                    forms.TryAdd(Key(form), form);
                }
            }
        }
        return [.. forms.Values];
    }

    private static bool IsCrawlable(string href) =>
        href.StartsWith('/') && !href.StartsWith("//", StringComparison.Ordinal) && !href.StartsWith("/error", StringComparison.Ordinal)
        && !href.StartsWith("/lib/", StringComparison.Ordinal) && !href.StartsWith("/js/", StringComparison.Ordinal)
        && !Regex.IsMatch(href.Split('?')[0], @"\.(css|js|svg|png|ico|woff2?)$", RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));

    /// <summary>An address with its numbers taken out, and its query's names only: pages of the same kind.</summary>
    private static string Pattern(string url)
    {
        var parts = url.Split('#')[0].Split('?', 2);
        var path = Regex.Replace(parts[0], @"\d+", "{n}", RegexOptions.None, TimeSpan.FromSeconds(1));
        var names = parts.Length > 1 ? string.Join("&", parts[1].Split('&').Select(p => p.Split('=')[0]).Order(StringComparer.Ordinal)) : string.Empty;
        return path + "?" + names;
    }

    private static FormSpec Read(string pageUrl, IHtmlFormElement form)
    {
        var action = form.GetAttribute("action") is { Length: > 0 } written ? written : pageUrl.Split('?')[0];
        var method = (form.GetAttribute("method") ?? "get").ToUpperInvariant();
        var fields = new List<KeyValuePair<string, string>>();
        var files = new List<string>();
        var numbers = new HashSet<string>(StringComparer.Ordinal);
        var unticked = new List<string>();
        var choices = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var radiosDone = new HashSet<string>(StringComparer.Ordinal);
        foreach (var element in form.QuerySelectorAll("input[name], select[name], textarea[name]"))
        {
            var name = element.GetAttribute("name")!;
            switch (element)
            {
                case IHtmlInputElement { Type: "file" }:
                    files.Add(name);
                    break;
                case IHtmlInputElement { Type: "checkbox" } box:
                    choices.TryAdd(name, form.QuerySelectorAll("input[type=checkbox]").OfType<IHtmlInputElement>().Where(c => c.Name == name).Select(c => c.Value).ToList());
                    if (box.IsChecked)
                    {
                        fields.Add(new(name, box.Value));
                    }
                    else
                    {
                        unticked.Add(name);
                    }
                    break;
                case IHtmlInputElement { Type: "radio" }:
                    if (radiosDone.Add(name))
                    {
                        // A radio group sends its chosen value, or the first if none is chosen yet.
                        var group = form.QuerySelectorAll("input[type=radio]").OfType<IHtmlInputElement>().Where(r => r.Name == name).ToList();
                        fields.Add(new(name, (group.FirstOrDefault(r => r.IsChecked) ?? group[0]).Value));
                        choices[name] = group.Select(r => r.Value).ToList();
                    }
                    break;
                case IHtmlInputElement { Type: "submit" or "button" or "image" or "reset" }:
                    break;
                case IHtmlInputElement input:
                    fields.Add(new(name, input.Type == "password" ? string.Empty : input.Value));
                    if (input.GetAttribute("inputmode") is "numeric" or "decimal" || input.Type == "number")
                    {
                        numbers.Add(name);
                    }
                    break;
                case IHtmlSelectElement select:
                    fields.Add(new(name, (select.Options.FirstOrDefault(o => o.IsSelected) ?? select.Options.FirstOrDefault())?.Value ?? string.Empty));
                    choices[name] = select.Options.Select(o => o.Value).ToList();
                    break;
                case IHtmlTextAreaElement textArea:
                    fields.Add(new(name, textArea.Value));
                    break;
            }
        }
        // The first named button is the one a person would press.
        if (form.QuerySelector("button[name]") is { } button)
        {
            fields.Add(new(button.GetAttribute("name")!, button.GetAttribute("value") ?? string.Empty));
        }
        var multipart = string.Equals(form.GetAttribute("enctype"), "multipart/form-data", StringComparison.OrdinalIgnoreCase);
        return new FormSpec(pageUrl, action, method, multipart, fields, files, numbers, unticked, choices);
    }

    private static async Task SubmitHostileVariantsAsync(Run run, FormSpec form, Random random)
    {
        await SubmitAsync(run, form, form.Action, form.Fields, [], "as shown");
        // Each hostile value goes into an otherwise sensible answer, so that it meets the code
        // beyond the "enter this" checks.
        var filled = Filled(form);
        await SubmitAsync(run, form, form.Action, filled, [], "filled in");

        foreach (var name in form.FieldNames)
        {
            // Every kind of hostile value: one of each kind chosen by the fixed seed, or every value
            // of the kinds about numbers (or addresses) for a field that takes a number (or an email address).
            foreach (var category in HostileInput.Categories)
            {
                var values = (form.NumberFields.Contains(name) && NumberKinds.Contains(category.Name))
                    || (name.Contains("Email", StringComparison.OrdinalIgnoreCase) && category.Name == AddressKind)
                    ? category.Values
                    : category.Values.OrderBy(_ => random.Next()).Take(ValuesPerKind).ToList();
                foreach (var value in values)
                {
                    await SubmitAsync(run, form, form.Action, Replace(filled, name, value), [], $"{name} = {category.Name} {Describe(value)}");
                }
            }
            await SubmitAsync(run, form, form.Action, [.. filled.Where(f => f.Key != name)], [], $"{name} missing");
            var extra = HostileInput.Categories[random.Next(HostileInput.Categories.Count)];
            var duplicate = extra.Values[random.Next(extra.Values.Count)];
            await SubmitAsync(run, form, form.Action, [.. filled, new(name, duplicate)], [], $"{name} twice, then {Describe(duplicate)}");
        }

        // Each choice the form offers, alone and with every number on the form out of range:
        // answers that only go wrong together ("did not attend", 25 hours).
        foreach (var (name, options) in form.Choices)
        {
            foreach (var option in options.Distinct())
            {
                var chosen = Replace(filled, name, option);
                await SubmitAsync(run, form, form.Action, chosen, [], $"{name} = {Describe(option)}");
                foreach (var number in form.NumberFields.Count == 0 ? [] : OutOfRangeNumbers)
                {
                    var fields = form.NumberFields.Aggregate(chosen, (current, field) => Replace(current, field, number));
                    await SubmitAsync(run, form, form.Action, fields, [], $"{name} = {Describe(option)} and every number {number}");
                }
            }
        }

        // Day, month and year boxes together: impossible dates.
        foreach (var date in form.FieldNames.Where(n => n.EndsWith(".Day", StringComparison.Ordinal)).Select(n => n[..^".Day".Length]))
        {
            foreach (var (day, month, year) in HostileInput.Dates)
            {
                var fields = Replace(Replace(Replace(filled, date + ".Day", day), date + ".Month", month), date + ".Year", year);
                await SubmitAsync(run, form, form.Action, fields, [], $"{date} = {day}/{month}/{year}");
            }
        }

        await SubmitAsync(run, form, form.Action, [.. filled, .. HostileInput.ExtraFields], [], "with extra fields");
        await SubmitAsync(run, form, form.Action, [.. filled, .. Enumerable.Range(0, 300).Select(i => new KeyValuePair<string, string>("junk" + i, "x"))], [], "with 300 junk fields");

        // Tampered ids in the address: each number in turn.
        foreach (Match number in NumberPattern().Matches(form.Action))
        {
            foreach (var id in new[] { "0", "-1", "999999", "2147483648" })
            {
                var tampered = form.Action[..number.Index] + id + form.Action[(number.Index + number.Length)..];
                await SubmitAsync(run, form, tampered, filled, [], $"address id {number.Value} -> {id}");
            }
        }

        foreach (var fileField in form.FileFields)
        {
            foreach (var file in HostileInput.Files)
            {
                await SubmitAsync(run, form, form.Action, filled, [(fileField, file.Name, file.Content)], $"{fileField} = file {Describe(file.Name)}");
            }
        }
    }

    /// <summary>Numbers out of range in the two ways that have gone wrong together with a choice: too big, and a signed zero.</summary>
    private static readonly string[] OutOfRangeNumbers = ["25", "-0"];

    /// <summary>
    /// The form as a person would fill it in: empty boxes given a plausible answer (today's date, a
    /// time, an email address, a number, some words), the first real choice chosen and the first
    /// box ticked. Passwords stay empty, so the crawl never registers or signs in as someone else.
    /// </summary>
    private static List<KeyValuePair<string, string>> Filled(FormSpec form)
    {
        var today = UkToday();
        var filled = form.Fields.Select(field =>
        {
            if (field.Value.Length > 0 || field.Key == "__RequestVerificationToken" || field.Key.Contains("Password", StringComparison.OrdinalIgnoreCase))
            {
                return field;
            }
            var key = field.Key;
            var value = key switch
            {
                _ when key.EndsWith(".Day", StringComparison.Ordinal) => today.Day.ToString(CultureInfo.InvariantCulture),
                _ when key.EndsWith(".Month", StringComparison.Ordinal) => today.Month.ToString(CultureInfo.InvariantCulture),
                _ when key.EndsWith(".Year", StringComparison.Ordinal) => today.Year.ToString(CultureInfo.InvariantCulture),
                _ when key.EndsWith("StartTime", StringComparison.Ordinal) => "10am",
                _ when key.EndsWith("EndTime", StringComparison.Ordinal) => "11am",
                _ when key.Contains("Email", StringComparison.OrdinalIgnoreCase) => "someone@example.org",
                _ when key.Contains("Phone", StringComparison.OrdinalIgnoreCase) => "07700 900 982",
                _ when form.NumberFields.Contains(key) => "1",
                _ when form.Choices.TryGetValue(key, out var options) => options.FirstOrDefault(o => o.Length > 0) ?? string.Empty,
                _ => "Plain words",
            };
            return new KeyValuePair<string, string>(key, value);
        }).ToList();
        foreach (var name in form.UntickedFields.Distinct().Where(n => form.Fields.All(f => f.Key != n)))
        {
            filled.Add(new(name, form.Choices[name][0]));
        }
        return filled;
    }

    private static DateOnly UkToday() =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/London")));

    private static List<KeyValuePair<string, string>> Replace(IReadOnlyList<KeyValuePair<string, string>> fields, string name, string value)
    {
        var replaced = new List<KeyValuePair<string, string>>();
        var done = false;
        foreach (var field in fields)
        {
            if (field.Key != name)
            {
                replaced.Add(field);
            }
            else if (!done)
            {
                replaced.Add(new(name, value));
                done = true;
            }
        }
        if (!done)
        {
            // A checkbox or radio group with nothing chosen: send the hostile value as a choice.
            replaced.Add(new(name, value));
        }
        return replaced;
    }

    private static async Task SubmitAsync(Run run, FormSpec form, string action, IReadOnlyList<KeyValuePair<string, string>> fields,
        IReadOnlyList<(string Field, string FileName, byte[] Content)> files, string what)
    {
        run.Submissions++;
        var label = $"{form.Method} {action} ({what}) from {form.PageUrl}";
        // A form that creates something carries a one-use token: each try gets a fresh one, as a
        // fresh page would, so that every hostile value reaches the action (a token that is itself
        // the hostile value is kept).
        fields = [.. fields.Select(f => f.Key == SubmitOnceFilter.FieldName && Guid.TryParse(f.Value, out _)
            ? new KeyValuePair<string, string>(f.Key, Guid.NewGuid().ToString("D"))
            : f)];
        HttpResponseMessage response;
        try
        {
            if (form.Method == "GET")
            {
                using var query = new FormUrlEncodedContent(fields);
                var separator = action.Contains('?', StringComparison.Ordinal) ? "&" : "?";
                response = await run.Browser.Client.GetAsync(new Uri(action + separator + await query.ReadAsStringAsync(), UriKind.Relative));
            }
            else
            {
                using HttpContent content = form.Multipart || files.Count > 0 ? Multipart(fields, files) : new FormUrlEncodedContent(fields);
                response = await run.Browser.Client.PostAsync(new Uri(action, UriKind.Relative), content);
            }
        }
        catch (HttpRequestException broken)
        {
            run.Failures.Add($"{label}: no valid answer: {broken.Message}");
            return;
        }
        using (response)
        {
            await CheckAsync(run, response, label);
            // Where a change was saved, the page it leads to shows what was saved: check that too.
            if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther && response.Headers.Location is { } location
                && location.OriginalString.StartsWith('/') && !location.OriginalString.StartsWith("//", StringComparison.Ordinal))
            {
                using var next = await run.Browser.Client.GetAsync(location);
                await CheckAsync(run, next, label + " then GET " + location.OriginalString);
            }
        }
    }

    private static MultipartFormDataContent Multipart(IReadOnlyList<KeyValuePair<string, string>> fields, IReadOnlyList<(string Field, string FileName, byte[] Content)> files)
    {
        var content = new MultipartFormDataContent();
        foreach (var field in fields)
        {
            content.Add(new StringContent(field.Value), field.Key);
        }
        foreach (var (field, fileName, bytes) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
            content.Add(part, field, fileName);
        }
        return content;
    }

    /// <summary>Records a failure for a server error, an invalid status or markup shown unescaped; returns the page if it is HTML.</summary>
    private static async Task<IHtmlDocument?> CheckAsync(Run run, HttpResponseMessage response, string label)
    {
        var status = (int)response.StatusCode;
        if (status is < 100 or >= 500)
        {
            run.Failures.Add($"{label}: status {status}");
        }
        if (response.Content.Headers.ContentType?.MediaType != "text/html")
        {
            return null;
        }
        var html = await response.Content.ReadAsStringAsync();
        var page = await Parser.ParseDocumentAsync(html);
        if (Unescaped(html, page) is { } shown)
        {
            run.Failures.Add($"{label}: shown as markup: {shown}");
        }
        return page;
    }

    /// <summary>Where a marker from <see cref="HostileInput"/> is in the page as markup, not text.</summary>
    private static string? Unescaped(string html, IHtmlDocument page)
    {
        const string marker = HostileInput.MarkerPrefix;
        var raw = html.IndexOf("<" + marker, StringComparison.OrdinalIgnoreCase);
        if (raw >= 0)
        {
            return "raw tag " + html.AsSpan(raw, Math.Min(40, html.Length - raw)).ToString();
        }
        foreach (var element in page.All)
        {
            if (element.LocalName.StartsWith(marker, StringComparison.OrdinalIgnoreCase))
            {
                return "element <" + element.LocalName + ">";
            }
            foreach (var attribute in element.Attributes)
            {
                var name = attribute.Name;
                var value = attribute.Value;
                if (name.StartsWith(marker, StringComparison.OrdinalIgnoreCase)
                    || (name.StartsWith("on", StringComparison.OrdinalIgnoreCase) && value.Contains(marker, StringComparison.OrdinalIgnoreCase))
                    || (name is "href" or "src" or "action" or "formaction" && value.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase))
                    || (name == "srcdoc" && value.Contains(marker, StringComparison.OrdinalIgnoreCase)))
                {
                    return $"attribute {name}=\"{value}\" on <{element.LocalName}>";
                }
            }
            if (element.LocalName is "script" or "style" && element.TextContent.Contains(marker, StringComparison.OrdinalIgnoreCase))
            {
                return $"inside <{element.LocalName}>";
            }
        }
        var comment = page.Descendants<IComment>().FirstOrDefault(c => c.Data.Contains(marker, StringComparison.OrdinalIgnoreCase));
        return comment is null ? null : "comment " + comment.Data;
    }

    /// <summary>
    /// A NUL byte, too many fields, a value over 4 MB and a body over 30 MB, sent to every POST route:
    /// the routes of the forms found (with the signed-in browser's token), and every POST action the app has.
    /// Each must get a valid status and never a server error; a form found gets the friendly 400 page.
    /// </summary>
    private static async Task<int> SendUnreadableFormsAsync(Run run, KestrelPortal portal, List<FormSpec> forms, string audience)
    {
        var sent = 0;
        var routes = forms.Where(f => f.Method == "POST")
            .Select(f => (f.Action, Token: f.Fields.FirstOrDefault(x => x.Key == "__RequestVerificationToken").Value ?? string.Empty, Found: true))
            .Concat(AccessExpectations.Discover(portal.App.Services).Where(a => a.Method == "POST").Select(a => (Action: a.Url, Token: string.Empty, Found: false)))
            .DistinctBy(r => Pattern(r.Action))
            .ToList();
        foreach (var (action, token, found) in routes)
        {
            foreach (var kind in new[] { "nul", "too-many-fields", "value-over-4MB", "body-over-30MB" })
            {
                // A body declared over 30 MB is refused by its length before it is read: only its start is sent.
                var body = kind == "body-over-30MB"
                    ? Encoding.ASCII.GetBytes("__RequestVerificationToken=" + Uri.EscapeDataString(token) + "&Email=" + new string('a', 64 * 1024))
                    : UnreadableFormTests.UnreadableBody(kind, token);
                long? declared = kind == "body-over-30MB" ? 31L * 1024 * 1024 : null;
                var response = await run.Browser.SendRawAsync("POST", action, "application/x-www-form-urlencoded", body, declared);
                sent++;
                var label = $"POST {action} ({kind}) as {audience}";
                if (response.StatusCode is < 100 or >= 500)
                {
                    run.Failures.Add($"{label}: status line \"{response.StatusLine}\"");
                }
                else if (found && (response.StatusCode != 400 || !response.Body.Contains("Sorry, there is a problem with the form", StringComparison.Ordinal)))
                {
                    run.Failures.Add($"{label}: expected the friendly 400 page, got \"{response.StatusLine}\"");
                }
            }
        }
        return sent;
    }

    private static async Task SignInAsync(KestrelBrowser browser, string email, string password)
    {
        var page = await (await browser.Client.GetAsync(new Uri("/sign-in", UriKind.Relative))).ReadPageAsync();
        using var form = new FormUrlEncodedContent(
        [
            new("Email", email), new("Password", password),
            new("__RequestVerificationToken", page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.Client.PostAsync(new Uri("/sign-in", UriKind.Relative), form)).StatusCode);
    }

    /// <summary>A value as it can be read in a failure message: short, with invisible characters shown.</summary>
    private static string Describe(string value)
    {
        var shown = new StringBuilder();
        foreach (var c in value.Take(30))
        {
            shown.Append(char.IsControl(c) || char.GetUnicodeCategory(c) == UnicodeCategory.Format ? $"\\u{(int)c:X4}" : c.ToString());
        }
        return "\"" + shown + (value.Length > 30 ? $"…\" ({value.Length} chars)" : "\"");
    }

    [GeneratedRegex(@"(?<=/)\d+(?=/|$|\?)")]
    private static partial Regex NumberPattern();
}
