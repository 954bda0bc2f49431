using TokenAdmin.Accounts;
using TokenAdmin.Audit;
using TokenAdmin.Tests.Infrastructure;

namespace TokenAdmin.Tests.Audit;

public sealed class AuditQueriesTests(AuditScript script) : IClassFixture<AuditScript>
{
    private AuditQueries Queries => script.App.Get<AuditQueries>();

    [Fact]
    public async Task EveryEntryIsListedNewestFirstWhenNoFilterIsSet()
    {
        var page = await ListAsync(new AuditQuery());

        Assert.Equal(ExpectedLog(), page.Entries.Select(Described).ToList());
        Assert.Equal(11, page.Total);
        var copy = page.Entries[8];
        Assert.Equal(("person", script.Colleague.UserId, AuditScript.Day(2).AddTicks(-1)),
            (copy.ActorType, copy.ActorId, copy.At));
        Assert.All(page.Entries.Where(e => e != copy), e => Assert.Equal(AuditScript.SourceAddress, e.SourceAddress));
    }

    [Fact]
    public async Task SecondPageHoldsTheNextEntriesAndTotalCountsThemAllWhenPaged()
    {
        var page = await ListAsync(new AuditQuery { Skip = 4, Take = 4 });

        Assert.Equal(ExpectedLog()[4..8], page.Entries.Select(Described).ToList());
        Assert.Equal(11, page.Total);
    }

    [Theory]
    [InlineData("CI deploy", new[] { 7, 8, 9, 10, 11 })]
    [InlineData("  ci DEPLOY ", new[] { 7, 8, 9, 10, 11 })]
    [InlineData("deploy token", new[] { 7 })]
    [InlineData(AuditScript.DomainName, new[] { 4, 5 })]
    [InlineData("%", new int[0])]
    [InlineData("CI\0deploy", new int[0])]
    public async Task OnlyEntriesAboutMatchingTokensAreListedWhenFilteredByTokenName(string text, int[] expected)
    {
        var page = await ListAsync(new AuditQuery { Token = text });

        Assert.Equal(Entries(expected), page.Entries.Select(Described).ToList());
        Assert.Equal(expected.Length, page.Total);
    }

    [Theory]
    [InlineData("actor")]
    [InlineData("event")]
    public async Task NoEntryIsListedWhenAFilterHoldsANulCharacter(string filter)
    {
        var query = filter == "actor"
            ? new AuditQuery { ActedBy = "Owner\0" }
            : new AuditQuery { Event = AuditEvents.TokenCreated + "\0" };

        var page = await ListAsync(query);

        Assert.Equal((0, 0), (page.Entries.Count, page.Total));
    }

    [Fact]
    public async Task OnlyThatTokensEntriesAreListedWhenFilteredByTokenId()
    {
        var byHash = await ListAsync(new AuditQuery { Token = $"#{script.Deploy.Id}" });
        var byNumber = await ListAsync(new AuditQuery { Token = script.Successor.Id.ToString() });

        Assert.Equal(Entries(8, 9, 10, 11), byHash.Entries.Select(Described).ToList());
        Assert.Equal(Entries(7), byNumber.Entries.Select(Described).ToList());
    }

    [Fact]
    public async Task OnlyTheActorsEntriesAreListedWhenFilteredByPerson()
    {
        var colleagueName = script.Colleague.DisplayName;

        var byName = await ListAsync(new AuditQuery { ActedBy = colleagueName[..^5].ToUpperInvariant() });
        var byId = await ListAsync(new AuditQuery { ActedBy = script.Colleague.UserId });
        var owner = await ListAsync(new AuditQuery { ActedBy = TestApp.OwnerEmail });

        Assert.Equal(Entries(9), byName.Entries.Select(Described).ToList());
        Assert.Equal(Entries(9), byId.Entries.Select(Described).ToList());
        Assert.Equal(10, owner.Total);
        Assert.DoesNotContain(owner.Entries, e => e.ActorName == colleagueName);
    }

    [Fact]
    public async Task OnlyThatEventIsListedWhenFilteredByEventType()
    {
        var page = await ListAsync(new AuditQuery { Event = AuditEvents.TokenDeleted });

        Assert.Equal(Entries(4, 7), page.Entries.Select(Described).ToList());
    }

    [Theory]
    [InlineData("2031-05-12", "2031-05-12", new[] { 9, 10, 11 })]
    [InlineData("2031-05-13", "2031-05-13", new[] { 7, 8 })]
    [InlineData("2031-05-13", null, new[] { 1, 2, 3, 4, 5, 6, 7, 8 })]
    [InlineData(null, "2031-05-13", new[] { 7, 8, 9, 10, 11 })]
    [InlineData("2031-05-14", "2031-05-13", new int[0])]
    public async Task EntriesFromTheStartOfFromToTheEndOfToAreListedWhenFilteredByTime(
        string? from, string? to, int[] expected)
    {
        var query = new AuditQuery
        {
            From = from is null ? null : DateOnly.Parse(from),
            To = to is null ? null : DateOnly.Parse(to),
        };

        var page = await ListAsync(query);

        Assert.Equal(Entries(expected), page.Entries.Select(Described).ToList());
    }

    [Fact]
    public async Task OnlyEntriesMatchingEveryFilterAreListedWhenFiltersAreCombined()
    {
        var query = new AuditQuery
        {
            Token = "CI deploy",
            Event = AuditEvents.TokenCopied,
            To = new DateOnly(2031, 5, 12),
        };

        var page = await ListAsync(query);

        Assert.Equal(Entries(9), page.Entries.Select(Described).ToList());
    }

    [Fact]
    public async Task TokensTheLogMentionsAreSuggestedDeletedOnesIncludedMostRecentFirst()
    {
        var all = await Queries.SuggestTokenNamesAsync(script.Owner, null);
        var matching = await Queries.SuggestTokenNamesAsync(script.Owner, "deploy");
        var holdingNul = await Queries.SuggestTokenNamesAsync(script.Owner, "deploy\0");

        Assert.Equal([script.DomainToken.Name, script.Successor.Name, "CI deploy"], all);
        Assert.Equal([script.Successor.Name, "CI deploy"], matching);
        Assert.Empty(holdingNul);
    }

    private async Task<AuditPage> ListAsync(AuditQuery query)
    {
        var outcome = await Queries.ListAsync(script.Owner, query);
        return outcome.Value ?? throw new InvalidOperationException(outcome.Error);
    }

    private static (string Event, string Actor, string Subject, string Change) Described(AuditEntry entry) =>
        (entry.Event, entry.ActorName, $"{entry.SubjectType} {entry.SubjectId} {entry.SubjectName}", entry.Change);

    /// <summary>Entries of the expected log by their place in it, 1 being the newest.</summary>
    private List<(string, string, string, string)> Entries(params int[] places) =>
        places.Select(place => ExpectedLog()[place - 1]).ToList();

    private List<(string Event, string Actor, string Subject, string Change)> ExpectedLog()
    {
        var owner = TestApp.OwnerEmail;
        var (deploy, successor) = ($"token {script.Deploy.Id} CI deploy", script.Successor);
        var domain = $"sending_domain {script.Domain.Id} {AuditScript.DomainName}";
        var domainToken = $"token {script.DomainToken.Id} {script.DomainToken.Name}";
        var sandbox = $"sandbox {script.Sandbox.Id} Inbox";
        var (oldPassword, newPassword) = (script.OldPasswordLast4, script.NewPasswordLast4);
        return
        [
            (AuditEvents.SandboxCredentialsReset, owner, sandbox,
                $"Password …{oldPassword} works until 2031-05-15 21:05 UTC; new password …{newPassword}"),
            (AuditEvents.SandboxCredentialsCreated, owner, sandbox, $"Password …{oldPassword}"),
            (AuditEvents.DomainDeleted, owner, domain, "1 tokens left without permissions deleted"),
            (AuditEvents.TokenDeleted, owner, domainToken, "Left without permissions by a domain delete"),
            (AuditEvents.TokenCreated, owner, domainToken, $"Admin on sending domain {AuditScript.DomainName}"),
            (AuditEvents.DomainAdded, owner, domain, ""),
            (AuditEvents.TokenDeleted, owner, $"token {successor.Id} {successor.Name}", ""),
            (AuditEvents.TokenReset, owner, deploy,
                $"Replaced by token {successor.Id} \"{successor.Name}\"; old secret works until 2031-05-13 12:00 UTC"),
            (AuditEvents.TokenCopied, script.Colleague.DisplayName, deploy, ""),
            (AuditEvents.TokenPermissionsChanged, owner, deploy,
                "Viewer on account Test account → Admin on account Test account"),
            (AuditEvents.TokenCreated, owner, deploy, "Viewer on account Test account"),
        ];
    }
}
