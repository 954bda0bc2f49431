using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TokenAdmin.Data.Migrations
{
    /// <inheritdoc />
    public partial class TokenReset : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ExpiryRecordedAt",
                table: "ApiTokens",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ResetAt",
                table: "ApiTokens",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SuccessorId",
                table: "ApiTokens",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ApiTokens_SuccessorId",
                table: "ApiTokens",
                column: "SuccessorId");

            migrationBuilder.AddForeignKey(
                name: "FK_ApiTokens_ApiTokens_SuccessorId",
                table: "ApiTokens",
                column: "SuccessorId",
                principalTable: "ApiTokens",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ApiTokens_ApiTokens_SuccessorId",
                table: "ApiTokens");

            migrationBuilder.DropIndex(
                name: "IX_ApiTokens_SuccessorId",
                table: "ApiTokens");

            migrationBuilder.DropColumn(
                name: "ExpiryRecordedAt",
                table: "ApiTokens");

            migrationBuilder.DropColumn(
                name: "ResetAt",
                table: "ApiTokens");

            migrationBuilder.DropColumn(
                name: "SuccessorId",
                table: "ApiTokens");
        }
    }
}
