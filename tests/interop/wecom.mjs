// Independent check of the bot's WeCom crypto against Tencent's own npm package @wecom/crypto.
//   node wecom.mjs encrypt <EncodingAESKey> <receiveId> <message>   → ciphertext (Base64)
//   node wecom.mjs decrypt <EncodingAESKey> <ciphertext>            → {"message": …, "id": …}
//   node wecom.mjs sign <token> <timestamp> <nonce> <ciphertext>    → msg_signature
import { encrypt, decrypt, getSignature } from '@wecom/crypto';

const [command, ...args] = process.argv.slice(2);
switch (command) {
  case 'encrypt': {
    const [key, id, message] = args;
    process.stdout.write(encrypt(key, message, id));
    break;
  }
  case 'decrypt': {
    const [key, ciphered] = args;
    const { message, id } = decrypt(key, ciphered);
    process.stdout.write(JSON.stringify({ message, id }));
    break;
  }
  case 'sign': {
    const [token, timestamp, nonce, ciphered] = args;
    process.stdout.write(getSignature(token, timestamp, nonce, ciphered));
    break;
  }
  default:
    process.stderr.write('usage: node wecom.mjs encrypt|decrypt|sign …\n');
    process.exit(2);
}
