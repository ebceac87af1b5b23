using System.Net;
using CoProduce.Tests.Shared;

namespace CoProduce.IntegrationTests;

/// <summary>
/// Every action, called by an anonymous visitor and by each role, is allowed or denied exactly as
/// <see cref="AccessExpectations"/> says. A new action without an expectation fails the first test.
/// </summary>
public sealed class AuthorizationMatrixTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public void EveryAction_HasDeclaredExpectation()
    {
        var discovered = AccessExpectations.Discover(portal.Services).Select(a => a.Key).ToHashSet();

        var undeclared = discovered.Where(key => !AccessExpectations.Expected.ContainsKey(key)).ToList();
        var stale = AccessExpectations.Expected.Keys.Where(key => !discovered.Contains(key)).ToList();

        Assert.True(undeclared.Count == 0, "Declare who may use these actions in AccessExpectations: " + string.Join(", ", undeclared));
        Assert.True(stale.Count == 0, "These expectations name actions that no longer exist: " + string.Join(", ", stale));
    }

    public static TheoryData<string, string> Matrix()
    {
        var data = new TheoryData<string, string>();
        foreach (var action in AccessExpectations.Expected.Keys)
        {
            foreach (var audience in AccessExpectations.Audiences)
            {
                data.Add(action, audience);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Action_ForAudience_IsAllowedOnlyIfExpected(string actionKey, string audience)
    {
        var action = AccessExpectations.Discover(portal.Services).Single(a => a.Key == actionKey);
        var client = await portal.ClientForAsync(audience);

        using var request = new HttpRequestMessage(action.Method == "POST" ? HttpMethod.Post : HttpMethod.Get, action.Url);
        if (action.Method == "POST")
        {
            // No antiforgery token: an allowed caller gets 400 from the token check, which runs after authorization.
            request.Content = new FormUrlEncodedContent([]);
        }
        using var response = await client.SendAsync(request);

        var location = response.Location() ?? string.Empty;
        // Denial is the cookie scheme's redirect: to sign in (anonymous) or to "access denied" (signed in).
        var denied = response.StatusCode == HttpStatusCode.Redirect &&
                     (location.Contains("/sign-in", StringComparison.Ordinal) || location.Contains("/access-denied", StringComparison.Ordinal));
        var expectedAllowed = AccessExpectations.IsAllowed(AccessExpectations.Expected[actionKey], audience);

        Assert.True(expectedAllowed != denied,
            $"{actionKey} as {audience}: expected {(expectedAllowed ? "allowed" : "denied")}, got {(int)response.StatusCode} {location}");
        // An allowed page must also work: a server error is not access. (/error is the error page itself.)
        if (expectedAllowed && action.Method != "POST" && action.Url != "/error")
        {
            Assert.True((int)response.StatusCode < 500, $"{actionKey} as {audience} failed with {(int)response.StatusCode}");
        }
    }
}
