using Microsoft.Playwright;

namespace TokenAdmin.Tests.Infrastructure;

/// <summary>What a person does on Settings &gt; Audit log, as steps the tests share.</summary>
public static class AuditPageActions
{
    public static ILocator AuditRows(this IPage page) =>
        page.Locator("[data-testid=audit-entries] tbody tr").Filter(new() { Has = page.GetByTestId("entry-event") });

    /// <summary>Types part of a token's name into the token filter and picks the suggested name.</summary>
    public static async Task PickTokenAsync(this IPage page, string typed, string name)
    {
        await page.GetByTestId("filter-token").FillAsync(typed);
        await page.GetByRole(AriaRole.Option, new() { Name = name, Exact = true }).ClickAsync();
    }

    public static async Task PickEventAsync(this IPage page, string label)
    {
        await page.GetByTestId("filter-event").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = label, Exact = true }).ClickAsync();
    }
}
