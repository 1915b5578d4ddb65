import Foundation
import HTTPTypes
import Hummingbird
import Logging
import ZhibiaoStore

/// Sets the headers every response carries, errors and 404 included, and answers an error with
/// a generic page or JSON object that names the request id; the error itself goes to the log.
///
/// Errors thrown by handlers do not pass back through response middleware, so this middleware
/// catches them and builds the error response itself.
struct SecurityHeaders: RouterMiddleware {
  typealias Context = WebContext

  /// The headers of every response. The policy allows nothing from elsewhere: every script, style
  /// and image is served by the app.
  static let headers: [(HTTPField.Name, String)] = [
    (.contentSecurityPolicy, "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"),
    (.xContentTypeOptions, "nosniff"),
    (.referrerPolicy, "same-origin"),
    (.xFrameOptions, "DENY"),
    (.crossOriginOpenerPolicy, "same-origin"),
    (.cacheControl, "no-store"),
  ]

  func handle(
    _ request: Request, context: Context, next: (Request, Context) async throws -> Response
  ) async throws -> Response {
    var response: Response
    do {
      response = try await next(request, context)
    } catch {
      response = Self.errorResponse(error, request: request, context: context)
    }
    Self.apply(to: &response)
    return response
  }

  /// Sets every header of `headers` that `response` does not set itself.
  static func apply(to response: inout Response) {
    for (name, value) in headers where response.headers[name] == nil {
      response.headers[name] = value
    }
  }

  /// The answer to `error`: its status when it is an HTTP error, 503 when the store cannot be
  /// reached (the database is restarting: the client may try again), else 500; a page for a
  /// browser, JSON for anyone else; only the status and the request id, never the error's text.
  static func errorResponse(_ error: any Error, request: Request, context: Context) -> Response {
    let status: HTTPResponse.Status =
      switch error {
      case let error as any HTTPResponseError: error.status
      case StoreError.unavailable: .serviceUnavailable
      default: .internalServerError
      }
    let id = context.logger[metadataKey: RequestLog.idKey].map { "\($0)" } ?? ""
    if status.code >= 500 {
      context.logger.error("request failed", metadata: ["error": "\(String(reflecting: error))"])
    }
    let wantsPage = request.headers[.accept]?.contains("text/html") ?? false
    guard wantsPage else {
      return JSONBody.response(status: status, ["error": status.reasonPhrase, "request_id": id])
    }
    let page = ErrorPage(status: status, requestID: id).html
    return Response(
      status: status, headers: [.contentType: "text/html; charset=utf-8"],
      body: ResponseBody(byteBuffer: ByteBuffer(string: page)))
  }
}

extension HTTPField.Name {
  static let xContentTypeOptions = Self("X-Content-Type-Options")!
  static let referrerPolicy = Self("Referrer-Policy")!
  static let xFrameOptions = Self("X-Frame-Options")!
  static let crossOriginOpenerPolicy = Self("Cross-Origin-Opener-Policy")!
  static let requestID = Self("X-Request-Id")!
}

/// The page shown for an error: the status in both languages and the request id to quote.
struct ErrorPage {
  var status: HTTPResponse.Status
  var requestID: String

  var html: String {
    let zh =
      switch status.code {
      case 400: "请求有误"
      case 403: "无权访问"
      case 404: "页面不存在"
      case 409: "数据已被他人修改"
      case 413: "提交的内容过大"
      case 429: "尝试次数过多，请稍后再试"
      case 503: "数据库暂不可用，请稍后再试"
      default: status.code >= 500 ? "服务器出错" : "请求未能完成"
      }
    // The request id is hexadecimal, made by the server; nothing else here comes from the request.
    return """
      <!doctype html>
      <html lang="zh-Hans"><head><meta charset="utf-8"><title>\(status.code) \(zh)</title></head>
      <body><h1>\(status.code) \(zh)</h1><p>\(status.reasonPhrase)</p>
      <p>请求编号 (request id)：<code>\(requestID)</code></p></body></html>
      """
  }
}
